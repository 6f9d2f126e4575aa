using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Fluxion.Generator.Tests
{
    /// <summary>The generated code of representative methods, compared with committed snapshots.</summary>
    public class SnapshotTests
    {
        private const string Usings = "using System;\nusing Fluxion;\n";

        public static readonly Dictionary<string, string> Cases = new()
        {
            ["QuickStart"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double F(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);
                }
                """,
            ["Sigmoid"] = """
                namespace Demo;
                public static partial class Activations
                {
                    [Differentiable]
                    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
                }
                """,
            ["CrossEntropyCallsSigmoid"] = """
                namespace Demo;
                public static partial class Loss
                {
                    [Differentiable]
                    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

                    [Differentiable(nameof(w), nameof(b))]
                    public static double CrossEntropy(double w, double b, double x, double y)
                    {
                        double a = Sigmoid(w * x + b);
                        return -(y * Math.Log(a) + (1 - y) * Math.Log(1 - a));
                    }
                }
                """,
            ["LocalsAndReassignment"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Horner(double x, double c0, double c1, double c2, double c3)
                    {
                        double p = c3;
                        p = p * x + c2;
                        p = p * x + c1;
                        p = p * x + c0;
                        return p;
                    }
                }
                """,
            ["CompoundAssignment"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Accumulate(double x, double y)
                    {
                        var s = x;
                        s += y * y;
                        s -= 2.0;
                        s *= x;
                        s /= y;
                        s++;
                        return s;
                    }
                }
                """,
            ["SubsetAndIntegerParameters"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable(nameof(scale))]
                    public static double Scaled(double scale, double offset, int n, bool unused)
                    {
                        int twice = 2 * n;
                        return scale * twice + offset / n;
                    }
                }
                """,
            ["NestedGenericTypes"] = """
                namespace Demo.Physics;
                public partial class Outer<T> where T : class
                {
                    internal partial struct Inner
                    {
                        [Differentiable]
                        internal static double Energy(double mass, double velocity) => 0.5 * mass * velocity * velocity;
                    }
                }
                """,
            ["Overloads"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Norm(double x, double y) => Math.Sqrt(x * x + y * y);

                    [Differentiable]
                    public static double Norm(double x, double y, double z) => Math.Sqrt(x * x + y * y + z * z);
                }
                """,
            ["CallAcrossClasses"] = """
                namespace Demo;
                public static partial class Kernels
                {
                    public static partial class Smooth
                    {
                        [Differentiable]
                        public static double Softplus(double x) => Math.Log(1.0 + Math.Exp(x));
                    }
                }

                public static partial class Model
                {
                    [Differentiable]
                    public static double Layer(double w, double x, double b) => Kernels.Smooth.Softplus(w * x + b) * Kernels.Smooth.Softplus(b);
                }
                """,
            ["ResultReuse"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Reuse(double x) => Math.Exp(x) + Math.Tanh(x) + Math.Sqrt(x) + Math.Tan(x);
                }
                """,
            ["Powers"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Powers(double x, double y) => Math.Pow(x, 3) + Math.Pow(x, y) + Math.Pow(2.0, y) + Math.Cbrt(x);
                }
                """,
            ["GuardsAndLogging"] = """
                namespace Demo;
                using System.Diagnostics;
                using System.Linq;
                using static System.Console;
                public static partial class Model
                {
                    private const double Tolerance = 1e-12;

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double Fit(double[] w, double x, int steps)
                    {
                        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
                        Debug.Assert(w.Length > 0 && !double.IsNaN(x));
                        if (x is < 0 or > 10)
                        {
                            throw new ArgumentOutOfRangeException(nameof(x), x, "x must lie in [0, 10]");
                        }

                        double loss = 0;
                        for (int i = 0; i < steps; i++)
                        {
                            loss = loss * x + w[i % w.Length];
                            WriteLine($"step {i}: loss {loss:F4}, weights {w.Sum()}");
                        }

                        double scale = loss > Tolerance ? Math.Sqrt(loss) : throw new InvalidOperationException("loss " + loss);
                        return scale * x;
                    }
                }
                """,
            ["CountersAndTuples"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Steps(double a, double b, int n)
                    {
                        double[] h = new double[n];
                        int k = 0;
                        while (n-- > 0)
                        {
                            (a, b) = (b, a + 0.5 * b);
                            h[k++] = a;
                        }

                        double sum, last;
                        sum = last = 0;
                        for (int i = 0; i < k; )
                        {
                            sum += h[i++];
                        }

                        return sum + b * last;
                    }
                }
                """,
            ["SuppliedDerivative"] = """
                namespace Demo;
                public static class Library
                {
                    public static double CubeRoot(double a) => Math.Cbrt(a);

                    public static double LogSumExp(ReadOnlySpan<double> x)
                    {
                        double max = double.NegativeInfinity;
                        foreach (double v in x) max = Math.Max(max, v);
                        double sum = 0;
                        foreach (double v in x) sum += Math.Exp(v - max);
                        return max + Math.Log(sum);
                    }
                }

                public static partial class Model
                {
                    [DerivativeOf(typeof(Library), nameof(Library.CubeRoot))]
                    public static double CubeRootDerivative(double a, out double da)
                    {
                        double r = Library.CubeRoot(a);
                        da = 1 / (3 * r * r);
                        return r;
                    }

                    [DerivativeOf(typeof(Library), nameof(Library.LogSumExp))]
                    public static double LogSumExpDerivative(ReadOnlySpan<double> x, Span<double> dx)
                    {
                        double value = Library.LogSumExp(x);
                        for (int i = 0; i < x.Length; i++) dx[i] = Math.Exp(x[i] - value);
                        return value;
                    }

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double Loss(double[] w, double volume) => Library.LogSumExp(w) * Library.CubeRoot(volume * volume);
                }
                """,
            ["InstanceMethods"] = """
                namespace Demo;
                public partial class Oscillator
                {
                    private readonly double[] weights = { 0.5, 1.5 };

                    public Oscillator(double stiffness) => Stiffness = stiffness;

                    public double Stiffness { get; }

                    public double Damping { get; set; } = 0.1;

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public double Potential(double x) => 0.5 * Stiffness * x * x;

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public double Energy(double x, double v)
                    {
                        double series = 0;
                        for (int i = 0; i < weights.Length; i++)
                        {
                            series += weights[i] * Math.Sin(i * x);
                        }

                        Console.WriteLine($"energy at {x} with damping {Damping}");
                        return Potential(x) + Damping * v * x + series;
                    }
                }
                """,
            ["Kinks"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Kinks(double x, double y, double lo, double hi) =>
                        Math.Abs(x) + Math.Max(x, y) - Math.Min(x, y) + Math.Clamp(y, lo, hi);
                }
                """,
            ["InverseTrigAndLogs"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Angles(double x, double y) =>
                        Math.Atan2(y, x) + Math.Log(x, y) + Math.Log10(x) + Math.Log2(y) + Math.Asin(x / 4) + Math.Acosh(y + 1);
                }
                """,
            ["ConstantsAndLiterals"] = """
                namespace Demo;
                public static partial class Model
                {
                    private const double Gravity = 9.80665;
                    private static readonly double Drag = 0.47;

                    [Differentiable]
                    public static double Constants(double v, double t) =>
                        Gravity * t * t / 2 + Drag * v * 1e-3 + 0x10 * v + 1_000 * t + 2.5f * v + Math.PI * Math.E * v + 3L * t;
                }
                """,
            ["DeepComposition"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Nest(double x) => Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(x)))));
                }
                """,
            ["GlobalNamespaceRecord"] = """
                public partial record struct Pricing
                {
                    [Differentiable]
                    internal static double Forward(double spot, double rate, double time) => spot * Math.Exp(rate * time);
                }
                """,
            ["PiecewiseConstant"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Steps(double x, double y) => Math.Floor(x) * y + Math.Round(y) + Math.Sign(x) + Math.Truncate(x * y);
                }
                """,
            ["PassiveCalls"] = """
                namespace Demo;
                public static class Helpers
                {
                    public static double Weight(int i) => 1.0 / (i + 1);
                }

                public static partial class Model
                {
                    [Differentiable]
                    public static double Weighted(double x, int n) => Helpers.Weight(n) * x + Math.Sqrt(n) * Math.Exp(Helpers.Weight(2));
                }
                """,
            ["KeywordNames"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Keywords(double @o, double @in)
                    {
                        double @double = @o * @in;
                        return @double * @double;
                    }
                }
                """,
            ["EarlyReturn"] = """
                namespace Demo;
                public static partial class Losses
                {
                    [Differentiable]
                    public static double Huber(double r, double delta)
                    {
                        double a = Math.Abs(r);
                        if (a <= delta)
                        {
                            return 0.5 * r * r;
                        }

                        return delta * (a - 0.5 * delta);
                    }
                }
                """,
            ["ConditionalOperator"] = """
                namespace Demo;
                public static partial class Activations
                {
                    [Differentiable]
                    public static double LeakyRelu(double x) => x > 0 ? x : 0.01 * x;
                }
                """,
            ["ElseIfChain"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Piecewise(double x, double w, bool flip)
                    {
                        double y;
                        if (x < -1 && !flip)
                            y = -x * x;
                        else if (x < 1 || flip)
                            y = x;
                        else
                        {
                            y = Math.Log(x) + 1;
                        }

                        return y * w;
                    }
                }
                """,
            ["BranchCallsDifferentiable"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Square(double v) => v * v;

                    [Differentiable]
                    public static double Choose(double x, double y)
                    {
                        double s = x + y;
                        if (s > 1)
                        {
                            s = Square(s) * x;
                        }

                        return s;
                    }
                }
                """,
            ["LoopHorner"] = """
                namespace Demo;
                public static partial class Polynomials
                {
                    [Differentiable(nameof(x), nameof(scale))]
                    public static double Evaluate(double x, double scale, int degree)
                    {
                        double p = 1.0;
                        for (int k = 0; k < degree; k++)
                        {
                            p = p * x + scale / (k + 1);
                        }

                        return p;
                    }
                }
                """,
            ["LoopUntilConverged"] = """
                namespace Demo;
                public static partial class Solvers
                {
                    [Differentiable(nameof(a))]
                    public static double SquareRoot(double a, double tolerance)
                    {
                        double r = a > 1 ? a : 1.0;
                        int steps = 0;
                        while (Math.Abs(r * r - a) > tolerance && steps < 50)
                        {
                            r = 0.5 * (r + a / r);
                            steps++;
                        }

                        return r;
                    }
                }
                """,
            ["StencilCarry"] = """
                namespace Demo;
                public static partial class Chains
                {
                    // Iteration i adds into dx[i] and dx[i + 1]: the second is carried to the next iteration in a local.
                    [Differentiable]
                    public static double Rosenbrock(double[] x)
                    {
                        double sum = 0.0;
                        for (int i = 0; i < x.Length - 1; i++)
                        {
                            double a = x[i + 1] - x[i] * x[i];
                            double b = 1.0 - x[i];
                            sum += 100.0 * a * a + b * b;
                        }

                        return sum;
                    }
                }
                """,
            ["RowViews"] = """
                namespace Demo;
                public static partial class Layers
                {
                    public const int Inputs = 4;

                    // Inner loops of constant length over rows of flat matrices read and write through spans.
                    [Differentiable(nameof(w))]
                    public static double Energy(double[] w, double[] x)
                    {
                        double energy = 0;
                        for (int s = 0; s < x.Length / Inputs; s++)
                        {
                            for (int j = 0; j < 3; j++)
                            {
                                double z = 0;
                                for (int k = 0; k < Inputs; k++)
                                {
                                    z += w[j * Inputs + k] * x[s * Inputs + k];
                                }

                                energy += Math.Log(1 + z * z);
                            }
                        }

                        return energy;
                    }
                }
                """,
            ["LocalArrayPerIteration"] = """
                namespace Demo;
                public static partial class Smoothing
                {
                    // A new window array in each iteration: its adjoints are taken and handed back per iteration too.
                    [Differentiable]
                    public static double WindowEnergy(double[] x)
                    {
                        double energy = 0;
                        for (int i = 1; i + 1 < x.Length; i++)
                        {
                            double[] window = { x[i - 1], x[i], x[i + 1] };
                            double mean = (window[0] + window[1] + window[2]) / 3;
                            energy += Math.Exp(window[1] - mean);
                        }

                        return energy;
                    }
                }
                """,
            ["LocalArray"] = """
                namespace Demo;
                public static partial class Layers
                {
                    // One hidden layer kept in a local array that every sample overwrites.
                    [Differentiable(nameof(w), nameof(v))]
                    public static double Loss(double[] w, double[] v, double[] x, int inputs)
                    {
                        int hidden = v.Length;
                        double[] h = new double[hidden];
                        double loss = 0;
                        for (int s = 0; s < x.Length / inputs; s++)
                        {
                            for (int j = 0; j < hidden; j++)
                            {
                                double z = 0;
                                for (int k = 0; k < inputs; k++)
                                {
                                    z += w[j * inputs + k] * x[s * inputs + k];
                                }

                                h[j] = Math.Tanh(z);
                            }

                            double output = 0;
                            for (int j = 0; j < hidden; j++)
                            {
                                output += v[j] * h[j];
                            }

                            loss += output * output;
                        }

                        return loss;
                    }
                }
                """,
            ["ArrayPassedToDifferentiable"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double Dot(double[] a, double[] b)
                    {
                        double s = 0;
                        for (int i = 0; i < a.Length; i++)
                        {
                            s += a[i] * b[i];
                        }

                        return s;
                    }

                    // The weights go whole to Dot; its gradient span comes back into dw.
                    [Differentiable(nameof(w), nameof(bias))]
                    public static double Neuron(double[] w, double bias, double[] x) => Math.Tanh(Dot(w, x) + bias);
                }
                """,
            ["LocalArrayPassedToDifferentiable"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double SumOfSquares(double[] v)
                    {
                        double s = 0;
                        for (int i = 0; i < v.Length; i++)
                        {
                            s += v[i] * v[i];
                        }

                        return s;
                    }

                    // The local array goes whole to SumOfSquares; its gradient span comes back into the array's adjoints.
                    [Differentiable]
                    public static double Energy(double x, double y)
                    {
                        double[] d = { x - y, x * y, Math.Sin(x) };
                        return SumOfSquares(d) + d[0];
                    }
                }
                """,
            ["NestedLoopsWithBranch"] = """
                namespace Demo;
                public static partial class Sums
                {
                    [Differentiable]
                    public static double Pairs(double x, double y)
                    {
                        double total = 0;
                        int i = 0;
                        do
                        {
                            for (int j = 0; j < 3; j++)
                            {
                                double term = Math.Sin(x * i + y * j);
                                if (term > 0)
                                {
                                    total += term * term;
                                }
                            }

                            i++;
                        }
                        while (i < 2);

                        return total;
                    }
                }
                """,
            ["ArrayParameters"] = """
                namespace Demo;
                public static partial class Regression
                {
                    [Differentiable(nameof(weights), nameof(bias))]
                    public static double SquaredError(double[] weights, double bias, ReadOnlySpan<double> features, double[] targets)
                    {
                        int columns = weights.Length;
                        double total = 0;
                        for (int row = 0; row < targets.Length; row++)
                        {
                            double prediction = bias;
                            for (int j = 0; j < columns; j++)
                            {
                                prediction += weights[j] * features[row * columns + j];
                            }

                            double error = prediction - targets[row];
                            total += error * error;
                        }

                        return total / targets.Length;
                    }
                }
                """,
            ["ForEachWithBreak"] = """
                namespace Demo;
                public static partial class Sums
                {
                    [Differentiable]
                    public static double CappedSquares(double[] values, double cap)
                    {
                        double sum = 0;
                        foreach (double v in values)
                        {
                            if (sum > cap)
                            {
                                break;
                            }

                            sum += v * v;
                        }

                        return sum;
                    }
                }
                """,
            ["JvpQuickStart"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable(Derivatives = Derivatives.Jvp)]
                    public static double F(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);
                }
                """,
            ["JvpLoopsBranchesArraysAndCalls"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double Softplus(double z) => Math.Log(1.0 + Math.Exp(z));

                    [Differentiable(nameof(w), nameof(b), Derivatives = Derivatives.Jvp)]
                    public static double Loss(double[] w, double b, double[] x, int n)
                    {
                        double[] z = new double[n];
                        double total = 0.0;
                        for (int i = 0; i < n; i++)
                        {
                            z[i] = w[i] * x[i] + b;
                            total += z[i] > 0 ? Softplus(z[i]) : Math.Exp(z[i]);
                        }

                        if (total > 10.0)
                        {
                            return Math.Sqrt(total);
                        }

                        return total / n;
                    }
                }
                """,
            ["HessianAndHvp"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable(nameof(w), nameof(b), Derivatives = Derivatives.Hessian | Derivatives.Hvp)]
                    public static double Loss(double[] w, double b, double[] x, double y)
                    {
                        double z = b;
                        for (int j = 0; j < w.Length; j++)
                        {
                            z += w[j] * x[j];
                        }

                        return Math.Log(1.0 + Math.Exp(-y * z));
                    }
                }
                """,
            ["JacobianJvpAndVjp"] = """
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable(Derivatives = Derivatives.Jacobian | Derivatives.Jvp | Derivatives.Vjp)]
                    public static void Softmax(ReadOnlySpan<double> z, Span<double> s)
                    {
                        double sum = 0.0;
                        for (int i = 0; i < z.Length; i++)
                        {
                            s[i] = Math.Exp(z[i]);
                            sum += s[i];
                        }

                        for (int i = 0; i < z.Length; i++)
                        {
                            s[i] /= sum;
                        }
                    }

                    [Differentiable(Derivatives = Derivatives.Jacobian)]
                    public static void Polar(double r, double theta, Span<double> unit)
                    {
                        unit[0] = r * Math.Cos(theta);
                        unit[1] = r * Math.Sin(theta);
                    }
                }
                """,
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void GeneratedCodeMatchesSnapshot(string name)
        {
            GenerationResult result = GeneratorHarness.Run(Usings + Cases[name]);

            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.NotEmpty(result.Sources);
            var text = new StringBuilder();
            foreach (var source in result.Sources.OrderBy(s => s.Key, System.StringComparer.Ordinal))
            {
                text.Append("//// ").Append(source.Key).Append('\n').Append(source.Value);
            }

            Snapshot.Verify(name, text.ToString());
        }
    }
}
