import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * One ECharts canvas that follows its option and its box's size. The canvas is drawn in the page's
 * font (with its CJK fallback) and drawn again once web fonts have loaded, or Chinese labels show as
 * boxes; without animation, so a reader (or a screenshot) never catches a half-drawn value.
 */
export function EChart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  const draw = () => {
    if (!chart.current || !box.current) return;
    const fontFamily = getComputedStyle(box.current).fontFamily;
    chart.current.setOption({ animation: false, textStyle: { fontFamily }, ...latest.current }, true);
  };
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    void document.fonts.ready.then(draw);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    latest.current = option;
    draw();
  }, [option]);
  return <div ref={box} className="chart-box" role="img" aria-label={label} />;
}
