using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace Fluxion.Samples.Trajectory
{
    /// <summary>The PNG the sample writes: the flights BFGS tried, the final one, and the target.</summary>
    public static class Plots
    {
        /// <summary>
        /// Each improving launch's path, from light (first) to dark (last), the final one in red, the final launch without
        /// drag dashed, and the target on the ground.
        /// </summary>
        public static void Trajectories(string path, IReadOnlyList<Landing> improving, Landing vacuum, double targetDistance)
        {
            using var plot = new Plot();
            Color early = Color.FromHex("#c6dbef"), late = Color.FromHex("#08519c");
            for (int i = 0; i < improving.Count - 1; i++)
            {
                double progress = improving.Count <= 2 ? 1.0 : (double)i / (improving.Count - 2);
                var line = Line(plot, improving[i], early.MixedWith(late, progress), 1.5f);
                if (i == 0) line.LegendText = "launches printed along the way (light: early)";
            }

            var final = Line(plot, improving[^1], Color.FromHex("#d62728"), 3f);
            final.LegendText = $"final: lands {improving[^1].Distance:F3} m away after {improving[^1].Time:F3} s";
            var withoutDrag = Line(plot, vacuum, Colors.Gray, 1.5f);
            withoutDrag.LinePattern = LinePattern.Dashed;
            withoutDrag.LegendText = "the final launch without drag";

            var target = plot.Add.Marker(targetDistance, 0.0, MarkerShape.FilledDiamond, 14, Colors.Black);
            target.LegendText = "target";

            plot.Axes.SetLimitsY(-2.0, improving.Max(landing => landing.Path.Max(point => point.Y)) * 1.15);
            plot.Axes.SetLimitsX(0.0, targetDistance * 1.25);
            plot.Axes.SquareUnits();
            plot.Title("Trajectories with quadratic drag, launch angle and speed fitted by BFGS");
            plot.XLabel("x (m)");
            plot.YLabel("height (m)");
            plot.ShowLegend(Alignment.UpperRight);
            plot.SavePng(path, 1000, 520);
        }

        private static ScottPlot.Plottables.Scatter Line(Plot plot, Landing landing, Color color, float width)
        {
            var line = plot.Add.ScatterLine(landing.Path.Select(point => point.X).ToArray(), landing.Path.Select(point => point.Y).ToArray(), color);
            line.LineWidth = width;
            line.MarkerSize = 0;
            return line;
        }
    }
}
