using System;
using System.Collections.Generic;
using ScottPlot;
using ScottPlot.TickGenerators;
using ScottPlot.Triangulation;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>The PNGs the sample writes: loss curves and the moons decision boundary.</summary>
    public static class Plots
    {
        private static readonly Color Class0 = Color.FromHex("#1f77b4");
        private static readonly Color Class1 = Color.FromHex("#d62728");

        /// <summary>One loss curve: a label and the loss after 0, 1, 2, … epochs.</summary>
        public sealed record Curve(string Label, double[] Losses, Color Color);

        /// <summary>Loss against epoch for each curve, on a logarithmic loss axis.</summary>
        public static void Losses(string path, string title, IReadOnlyList<Curve> curves)
        {
            using var plot = new Plot();
            foreach (Curve curve in curves)
            {
                double[] epochs = new double[curve.Losses.Length];
                double[] logLoss = new double[curve.Losses.Length];
                for (int i = 0; i < epochs.Length; i++)
                {
                    epochs[i] = i;
                    logLoss[i] = Math.Log10(curve.Losses[i]);
                }
                var line = plot.Add.ScatterLine(epochs, logLoss, curve.Color);
                line.LineWidth = 2;
                line.LegendText = curve.Label;
            }

            // The losses are plotted as log10; label the ticks with the losses themselves.
            plot.Axes.Left.TickGenerator = new NumericAutomatic
            {
                MinorTickGenerator = new LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = value => Math.Pow(10, value).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            };
            plot.Title(title);
            plot.XLabel("epoch");
            plot.YLabel("loss J (log scale)");
            plot.ShowLegend(Alignment.UpperRight);
            plot.SavePng(path, 800, 500);
        }

        /// <summary>
        /// The network's output a3 over the plane as a background shading, the boundary a3 = 0.5
        /// as a black line, the training samples as filled dots and the test samples as rings.
        /// </summary>
        public static void DecisionBoundary(
            string path, string title, Architecture net, double[] theta1, double[] theta2, Dataset train, Dataset test)
        {
            // The plotted region: every sample, with a margin.
            double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
            foreach (Dataset data in new[] { train, test })
            {
                for (int i = 0; i < data.Count; i++)
                {
                    left = Math.Min(left, data.X[2 * i]);
                    right = Math.Max(right, data.X[2 * i]);
                    bottom = Math.Min(bottom, data.X[2 * i + 1]);
                    top = Math.Max(top, data.X[2 * i + 1]);
                }
            }
            const double Margin = 0.3;
            left -= Margin; right += Margin; bottom -= Margin; top += Margin;

            // a3 on a grid; row 0 is the top of the picture.
            const int Columns = 240, Rows = 160;
            double[,] output = new double[Rows, Columns];
            var grid = new Coordinates3d[Rows, Columns];
            Span<double> point = stackalloc double[2];
            for (int row = 0; row < Rows; row++)
            {
                for (int column = 0; column < Columns; column++)
                {
                    point[0] = left + (right - left) * (column + 0.5) / Columns;
                    point[1] = top - (top - bottom) * (row + 0.5) / Rows;
                    double a3 = Backprop.Predict(net, theta1, theta2, point);
                    output[row, column] = a3;
                    grid[row, column] = new Coordinates3d(point[0], point[1], a3);
                }
            }

            using var plot = new Plot();
            var heatmap = plot.Add.Heatmap(output);
            heatmap.Extent = new CoordinateRect(left, right, bottom, top);
            heatmap.Colormap = Colormap.FromColors(new[] { Class0.Lighten(0.6), Colors.White, Class1.Lighten(0.6) }, smooth: true);
            heatmap.ManualRange = new ScottPlot.Range(0.0, 1.0);
            heatmap.Smooth = true;

            bool labelled = false;
            foreach (ContourLine contour in RectangularGrid.GetContourLines(grid, new[] { 0.5 }, fixContourDirections: true))
            {
                var line = plot.Add.ScatterLine(contour.Path.Points, Colors.Black);
                line.LineWidth = 2;
                line.MarkerSize = 0;
                if (!labelled) line.LegendText = "a3 = 0.5";
                labelled = true;
            }

            AddSamples(plot, train, 0, MarkerShape.FilledCircle, Class0, "class 0 (training)");
            AddSamples(plot, train, 1, MarkerShape.FilledCircle, Class1, "class 1 (training)");
            AddSamples(plot, test, 0, MarkerShape.OpenCircle, Class0, "class 0 (test)");
            AddSamples(plot, test, 1, MarkerShape.OpenCircle, Class1, "class 1 (test)");

            plot.Axes.SetLimits(left, right, bottom, top);
            plot.Axes.SquareUnits();
            plot.Title(title);
            plot.XLabel("x1");
            plot.YLabel("x2");
            plot.ShowLegend(Alignment.LowerLeft);
            plot.SavePng(path, 900, 640);
        }

        private static void AddSamples(Plot plot, Dataset data, int label, MarkerShape shape, Color color, string legend)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < data.Count; i++)
            {
                if ((int)data.Y[i] != label) continue;
                xs.Add(data.X[2 * i]);
                ys.Add(data.X[2 * i + 1]);
            }
            var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, 6, color);
            markers.LegendText = legend;
        }
    }
}
