using System;
using System.Globalization;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// Runs before any GMM measurement: Fluxion's gradient, the hand-written one and central differences must agree,
    /// or nothing is measured. At the benchmark size (1,650 partials; each primal call takes milliseconds) generated and
    /// hand-written are compared on every partial and central differences on about 30 coordinates of each array; on a small
    /// GMM (d = 3, K = 4, n = 20: 40 partials) central differences are taken over every coordinate.
    /// </summary>
    public static class GmmGradientCheck
    {
        private const double GradientTolerance = 1e-9;
        private const double TorchTolerance = 1e-6;
        private const double FiniteDifferenceTolerance = 1e-5;

        /// <summary>Checks both sizes; throws on a disagreement.</summary>
        public static void Run()
        {
            var (alphas, means, icf, x) = LargeInputs.Gmm();
            Check("Gmm", alphas, means, icf, x, coordinatesPerArray: 30, withTorch: true);
            var small = LargeInputs.Gmm(d: 3, k: 4, n: 20, seed: 5);
            Check("Gmm (small)", small.Alphas, small.Means, small.Icf, small.X, coordinatesPerArray: int.MaxValue, withTorch: false);
        }

        private static void Check(string name, double[] alphas, double[] means, double[] icf, double[] x, int coordinatesPerArray, bool withTorch)
        {
            int k = alphas.Length, d = means.Length / k;
            int count = alphas.Length + means.Length + icf.Length;
            var generated = new double[count];
            var hand = new double[count];
            double primal = Gmm.Objective(alphas, means, icf, x);
            double generatedValue = Gmm.Objective_Grad(alphas, means, icf, x,
                generated.AsSpan(0, k), generated.AsSpan(k, means.Length), generated.AsSpan(k + means.Length));
            double handValue = Gmm.HandGradient(alphas, means, icf, x,
                hand.AsSpan(0, k), hand.AsSpan(k, means.Length), hand.AsSpan(k + means.Length), new double[Gmm.ScratchLength(k, d)]);

            double scale = 0.0;
            foreach (double v in hand) scale = Math.Max(scale, Math.Abs(v));
            double handError = Math.Max(Relative(generatedValue, primal), Relative(handValue, primal));
            for (int i = 0; i < count; i++)
            {
                handError = Math.Max(handError, Math.Abs(generated[i] - hand[i]) / scale);
            }

            // Central differences on up to coordinatesPerArray coordinates of each array, spread evenly over it.
            double differenceError = 0.0;
            int checkedCoordinates = 0, offset = 0;
            foreach (double[] parameters in new[] { alphas, means, icf })
            {
                int stride = Math.Max(1, parameters.Length / Math.Min(parameters.Length, coordinatesPerArray));
                for (int j = 0; j < parameters.Length; j += stride)
                {
                    double saved = parameters[j], h = Step.For(saved);
                    parameters[j] = saved + h;
                    double plus = Gmm.Objective(alphas, means, icf, x);
                    parameters[j] = saved - h;
                    double minus = Gmm.Objective(alphas, means, icf, x);
                    parameters[j] = saved;
                    double difference = (plus - minus) / (2.0 * h);
                    differenceError = Math.Max(differenceError, Math.Abs(difference - generated[offset + j]) / scale);
                    checkedCoordinates++;
                }
                offset += parameters.Length;
            }

            string torchText = "(not built)";
            double torchError = 0.0;
#if WITH_TORCH
            if (withTorch)
            {
                TorchSharp.torch.set_num_threads(1);
                var torch = new double[count];
                double torchValue = new LargeFunctions.TorchGmm(alphas, means, icf, x)
                    .Gradient(torch.AsSpan(0, k), torch.AsSpan(k, means.Length), torch.AsSpan(k + means.Length));
                torchError = Relative(torchValue, generatedValue);
                for (int i = 0; i < count; i++)
                {
                    torchError = Math.Max(torchError, Math.Abs(torch[i] - generated[i]) / scale);
                }
                torchText = torchError.ToString("0.0E0", CultureInfo.InvariantCulture);
            }
#endif
            if (!withTorch)
            {
                torchText = "(not run)";
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Gradient check {name,-12} {count,5} partials: generated vs hand-written {handError:0.0E0}, vs TorchSharp {torchText}, " +
                $"vs finite differences {differenceError:0.0E0} on {checkedCoordinates} coordinates (relative)"));
            Require(handError <= GradientTolerance, $"{name}: generated and hand-written gradients differ by {handError:E2} relative");
            Require(torchError <= TorchTolerance, $"{name}: TorchSharp and generated gradients differ by {torchError:E2} relative");
            Require(differenceError <= FiniteDifferenceTolerance, $"{name}: finite differences and the generated gradient differ by {differenceError:E2} relative");
        }

        // Written so that a NaN error fails too.
        private static void Require(bool agrees, string message)
        {
            if (!agrees) throw new InvalidOperationException(message);
        }

        private static double Relative(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-300);
    }
}
