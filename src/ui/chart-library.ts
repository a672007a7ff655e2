// Chart.js with only the parts Trackside draws (bars, lines, category and linear
// scales, tooltips, legend), registered once. Nothing imports this module
// statically: `ts-chart-figure` loads it with `import()`, so the library lands
// in its own chunk, fetched only by the pages that draw a chart (the app shell's
// chunks stay free of it; tests/bench/chart-library-chunk.test.ts checks that).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

export { Chart };
export type { ChartConfiguration } from 'chart.js';
