// PNG of a training run's loss curve: training and validation reconstruction MSE per epoch.
import { createCanvas } from '@napi-rs/canvas';

export interface LossCurveInput {
  loss: readonly number[];
  valLoss: readonly number[];
  /** Epoch (1-based) whose weights were kept; marked with a dashed line. */
  bestEpoch?: number;
  title: string;
  width?: number;
  height?: number;
}

/** Draws both curves on one linear axis with ticks and a legend, and returns PNG bytes. */
export function drawLossCurve(input: LossCurveInput): Buffer {
  const { loss, valLoss, bestEpoch, title, width = 800, height = 480 } = input;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const box = { x: 90, y: 50, w: width - 120, h: height - 110 };
  const values = [...loss, ...valLoss].filter(Number.isFinite);
  const hi = Math.max(...values) * 1.05;
  const lo = Math.max(0, Math.min(...values) * 0.95);
  const epochs = Math.max(loss.length, valLoss.length, 2);
  const px = (epoch: number) => box.x + ((epoch - 1) / (epochs - 1)) * box.w;
  const py = (value: number) => box.y + (1 - (value - lo) / (hi - lo || 1)) * box.h;
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 18px sans-serif';
  ctx.fillText(title, 20, 30);
  ctx.strokeStyle = '#444444';
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.font = '13px sans-serif';
  for (let t = 0; t <= 4; t++) {
    const value = lo + ((hi - lo) * t) / 4;
    ctx.fillText(value.toFixed(4), 20, py(value) + 4);
  }
  for (let e = 1; e <= epochs; e += Math.max(1, Math.round(epochs / 10))) {
    ctx.fillText(String(e), px(e) - 4, box.y + box.h + 18);
  }
  ctx.fillText('epoch', box.x + box.w / 2 - 15, box.y + box.h + 40);
  if (bestEpoch !== undefined) {
    ctx.setLineDash([5, 5]);
    ctx.strokeStyle = '#888888';
    ctx.beginPath();
    ctx.moveTo(px(bestEpoch), box.y);
    ctx.lineTo(px(bestEpoch), box.y + box.h);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const series: [readonly number[], string, string][] = [
    [loss, '#0072B2', 'training MSE'],
    [valLoss, '#D55E00', 'validation MSE'],
  ];
  series.forEach(([points, colour, label], s) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    points.forEach((value, i) =>
      i === 0 ? ctx.moveTo(px(1), py(value)) : ctx.lineTo(px(i + 1), py(value)),
    );
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.fillRect(box.x + box.w - 170, box.y + 15 + s * 22, 14, 14);
    ctx.fillStyle = '#111111';
    ctx.fillText(label, box.x + box.w - 150, box.y + 27 + s * 22);
  });
  return canvas.toBuffer('image/png');
}
