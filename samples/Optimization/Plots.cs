using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Fluxion.Samples.Optimization
{
    /// <summary>The convergence PNGs: the best value so far against the calls of the objective, one line per run.</summary>
    public static class Plots
    {
        private static readonly Color[] Palette =
        {
            Color.FromHex("#1f77b4"), Color.FromHex("#aec7e8"), Color.FromHex("#2ca02c"), Color.FromHex("#98df8a"), Color.FromHex("#d62728"),
        };

        /// <summary>
        /// Plots f − <paramref name="floor"/> on a logarithmic axis (values at or below the floor are drawn at 1e-18 of the
        /// starting value) for each run; generated gradients solid, finite differences dashed.
        /// </summary>
        public static void Convergence(string path, string title, IReadOnlyList<RunResult> runs, double floor)
        {
            using var plot = new Plot();
            double smallest = runs.Max(run => run.History[0].Best - floor) * 1e-18;
            for (int r = 0; r < runs.Count; r++)
            {
                RunResult run = runs[r];
                double[] logCalls = run.History.Select(entry => Math.Log10(entry.Calls)).ToArray();
                double[] logGap = run.History.Select(entry => Math.Log10(Math.Max(entry.Best - floor, smallest))).ToArray();
                var line = plot.Add.ScatterLine(logCalls, logGap, Palette[r % Palette.Length]);
                line.LineWidth = 2;
                line.MarkerSize = 0;
                line.LinePattern = run.Source == GradientSource.Generated ? LinePattern.Solid : LinePattern.Dashed;
                line.LegendText = $"{run.Method}, {Runs.Describe(run.Source)}: {run.Calls} calls";
            }

            // Both axes are plotted as log10; label the ticks with the numbers themselves.
            plot.Axes.Left.TickGenerator = LogTicks("G1");
            plot.Axes.Bottom.TickGenerator = LogTicks("N0");
            plot.Title(title);
            plot.XLabel("calls of the objective (log scale; a finite-difference gradient counts 2n)");
            plot.YLabel(floor == 0.0 ? "best f so far (log scale)" : "best f so far − f at the minimum (log scale)");
            plot.ShowLegend(Alignment.LowerLeft);
            plot.SavePng(path, 900, 560);
        }

        private static NumericAutomatic LogTicks(string format) => new()
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = value => Math.Pow(10, value).ToString(format, CultureInfo.InvariantCulture),
        };
    }
}
