using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Vector-valued methods: <c>F_Jacobian</c> against closed forms and central differences of F; <c>F_Jvp</c> = J·v and
    /// <c>F_Vjp</c> = Jᵀu at random directions; the Jacobian equal to the one built from either product (so its row path and
    /// its column path are both checked whichever it takes); outputs equal to F's bit for bit; bad spans rejected.
    /// </summary>
    public sealed class VectorTests
    {
        /// <summary>One vector-valued method seen through flat vectors: x holds the n differentiable inputs in parameter order.</summary>
        public sealed record VectorCase(
            string Name,
            Func<SplitMix64, double[]> Point,
            int Outputs,
            Action<double[], double[]> Primal,
            Action<double[], double[], double[]> Jacobian,
            Action<double[], double[], double[], double[]> Jvp,
            Action<double[], double[], double[], double[]> Vjp)
        {
            public override string ToString() => Name;
        }

        private static readonly double[] LinearSystem = { -0.5, 1.0, 0.2, -1.0, -0.3, 0.4, 0.1, -0.7, -0.2 };
        private const double Step = 0.1;

        private static IEnumerable<VectorCase> Cases()
        {
            yield return new VectorCase("Polar", rng => new[] { rng.Uniform(0.1, 3), rng.Uniform(-3, 3) }, 2,
                (x, y) => VectorModels.Polar(x[0], x[1], y),
                (x, y, j) => VectorModels.Polar_Jacobian(x[0], x[1], y, j),
                (x, v, y, jv) => VectorModels.Polar_Jvp(x[0], x[1], y, v[0], v[1], jv),
                (x, u, y, g) => { VectorModels.Polar_Vjp(x[0], x[1], y, u, out g[0], out g[1]); });
            foreach (int n in new[] { 1, 2, 5 })
            {
                yield return new VectorCase("Softmax" + n, rng => rng.Vector(n, -3, 3), n,
                    (x, y) => VectorModels.Softmax(x, y),
                    (x, y, j) => VectorModels.Softmax_Jacobian(x, y, j),
                    (x, v, y, jv) => VectorModels.Softmax_Jvp(x, y, v, jv),
                    (x, u, y, g) => VectorModels.Softmax_Vjp(x, y, u, g));
            }

            yield return new VectorCase("LinearRk4Step", rng => rng.Vector(3, -2, 2), 3,
                (x, y) => VectorModels.LinearRk4Step(x, LinearSystem, Step, y),
                (x, y, j) => VectorModels.LinearRk4Step_Jacobian(x, LinearSystem, Step, y, j),
                (x, v, y, jv) => VectorModels.LinearRk4Step_Jvp(x, LinearSystem, Step, y, v, jv),
                (x, u, y, g) => VectorModels.LinearRk4Step_Vjp(x, LinearSystem, Step, y, u, g));
            yield return new VectorCase("LotkaVolterraStep", rng => rng.Vector(6, 0.2, 2), 2,
                (x, y) => VectorModels.LotkaVolterraStep(x[0], x[1], x[2], x[3], x[4], x[5], y),
                (x, y, j) => VectorModels.LotkaVolterraStep_Jacobian(x[0], x[1], x[2], x[3], x[4], x[5], y, j),
                (x, v, y, jv) => VectorModels.LotkaVolterraStep_Jvp(x[0], x[1], x[2], x[3], x[4], x[5], y, v[0], v[1], v[2], v[3], v[4], v[5], jv),
                (x, u, y, g) => VectorModels.LotkaVolterraStep_Vjp(x[0], x[1], x[2], x[3], x[4], x[5], y, u, out g[0], out g[1], out g[2], out g[3],
                    out g[4], out g[5]));
            foreach (int m in new[] { 1, 3, 6 })
            {
                // t < 0 takes the early return, t > 3 the return inside the loop (when there are 3 outputs or more).
                yield return new VectorCase("Curve" + m, rng => new[] { rng.Uniform(-1, 4.5) }, m,
                    (x, y) => VectorModels.Curve(x[0], y),
                    (x, y, j) => VectorModels.Curve_Jacobian(x[0], y, j),
                    (x, v, y, jv) => VectorModels.Curve_Jvp(x[0], y, v[0], jv),
                    (x, u, y, g) => { VectorModels.Curve_Vjp(x[0], y, u, out g[0]); });
            }

            foreach ((int inputs, int outputs) in new[] { (1, 1), (4, 2), (4, 4) })
            {
                // x: w, then scale.
                yield return new VectorCase("Accumulate" + inputs + "x" + outputs, rng => rng.Vector(inputs + 1, -2, 2), outputs,
                    (x, y) => VectorModels.Accumulate(x[..inputs], x[inputs], y),
                    (x, y, j) => VectorModels.Accumulate_Jacobian(x[..inputs], x[inputs], y, j),
                    (x, v, y, jv) => VectorModels.Accumulate_Jvp(x[..inputs], x[inputs], y, v.AsSpan(0, inputs), v[inputs], jv),
                    (x, u, y, g) => VectorModels.Accumulate_Vjp(x[..inputs], x[inputs], y, u, g.AsSpan(0, inputs), out g[inputs]));
            }

            foreach (int m in new[] { 1, 2, 4 })
            {
                // The outputs start as the caller's values (m ≤ 2 takes the Jacobian's row path, 4 its column path).
                yield return new VectorCase("UpdateInPlace" + m, rng => rng.Vector(2, -2, 2), m,
                    (x, y) => { Start(y); VectorModels.UpdateInPlace(x[0], x[1], y); },
                    (x, y, j) => { Start(y); VectorModels.UpdateInPlace_Jacobian(x[0], x[1], y, j); },
                    (x, v, y, jv) => { Start(y); VectorModels.UpdateInPlace_Jvp(x[0], x[1], y, v[0], v[1], jv); },
                    (x, u, y, g) => { Start(y); VectorModels.UpdateInPlace_Vjp(x[0], x[1], y, u, out g[0], out g[1]); });
            }

            foreach (int n in new[] { 1, 3, 5 })
            {
                // Through a derivative supplied for a library's log-sum-exp: the Jacobian's row path for every n.
                yield return new VectorCase("LogSoftmax" + n, rng => rng.Vector(n, -3, 3), n,
                    (x, y) => Supplied.LogSoftmax(x, y),
                    (x, y, j) => Supplied.LogSoftmax_Jacobian(x, y, j),
                    (x, v, y, jv) => Supplied.LogSoftmax_Jvp(x, y, v, jv),
                    (x, u, y, g) => Supplied.LogSoftmax_Vjp(x, y, u, g));
            }

            yield return new VectorCase("Normalize", rng => rng.Vector(3, -2, 2), 3,
                (x, y) => VectorModels.Normalize(x[0], x[1], x[2], y),
                (x, y, j) => VectorModels.Normalize_Jacobian(x[0], x[1], x[2], y, j),
                (x, v, y, jv) => VectorModels.Normalize_Jvp(x[0], x[1], x[2], y, v[0], v[1], v[2], jv),
                (x, u, y, g) => { VectorModels.Normalize_Vjp(x[0], x[1], x[2], y, u, out g[0], out g[1], out g[2]); });
        }

        public static TheoryData<VectorCase> All()
        {
            var data = new TheoryData<VectorCase>();
            foreach (VectorCase vectorCase in Cases())
            {
                data.Add(vectorCase);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(All))]
        public void JacobianMatchesCentralDifferencesAndBothProducts(VectorCase c)
        {
            var rng = new SplitMix64(SplitMix64.SeedFor(c.Name));
            for (int trial = 0; trial < 20; trial++)
            {
                double[] x = c.Point(rng);
                int n = x.Length;
                int m = c.Outputs;
                // Outputs start as NaN: an element the method leaves alone stays NaN in every mode, as in F itself.
                double[] expectedOutputs = Filled(m);
                c.Primal(x, expectedOutputs);
                double[] outputs = Filled(m);
                double[] jacobian = new double[m * n];
                c.Jacobian(x, outputs, jacobian);
                Assert.Equal(expectedOutputs, outputs);

                // Against central differences of F, column by column.
                for (int j = 0; j < n; j++)
                {
                    double h = 1e-6 * Math.Max(1.0, Math.Abs(x[j]));
                    double[] plus = (double[])x.Clone();
                    double[] minus = (double[])x.Clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double[] above = new double[m];
                    double[] below = new double[m];
                    c.Primal(plus, above);
                    c.Primal(minus, below);
                    for (int i = 0; i < m; i++)
                    {
                        double numeric = (above[i] - below[i]) / (2 * h);
                        Assert.True(Math.Abs(numeric - jacobian[i * n + j]) <= 1e-6 * Math.Max(1.0, Math.Abs(numeric)),
                            $"{c.Name} at x = [{string.Join(", ", x)}]: J[{i},{j}] = {jacobian[i * n + j]}, central difference {numeric}");
                    }
                }

                // Row i from the Vjp with the i-th unit vector, column j from the Jvp with the j-th.
                for (int i = 0; i < m; i++)
                {
                    double[] unit = new double[m];
                    unit[i] = 1.0;
                    double[] row = Filled(n);
                    c.Vjp(x, unit, Filled(m), row);
                    Close.AssertAll(jacobian.Skip(i * n).Take(n).ToArray(), row, 1e-13, c.Name + " row " + i);
                }

                for (int j = 0; j < n; j++)
                {
                    double[] unit = new double[n];
                    unit[j] = 1.0;
                    double[] column = Filled(m);
                    c.Jvp(x, unit, Filled(m), column);
                    Close.AssertAll(Enumerable.Range(0, m).Select(i => jacobian[i * n + j]).ToArray(), column, 1e-13, c.Name + " column " + j);
                }
            }
        }

        [Theory]
        [MemberData(nameof(All))]
        public void ProductsAtRandomDirectionsAreJvAndJtu(VectorCase c)
        {
            var rng = new SplitMix64(SplitMix64.SeedFor(c.Name) ^ 0x5bd1e995);
            for (int trial = 0; trial < 20; trial++)
            {
                double[] x = c.Point(rng);
                int n = x.Length;
                int m = c.Outputs;
                double[] jacobian = new double[m * n];
                double[] expectedOutputs = Filled(m);
                c.Jacobian(x, expectedOutputs, jacobian);
                double[] v = rng.Vector(n, -1, 1);
                double[] u = rng.Vector(m, -1, 1);

                double[] outputs = Filled(m);
                double[] jv = Filled(m);
                c.Jvp(x, v, outputs, jv);
                Assert.Equal(expectedOutputs, outputs);
                double[] expectedJv = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, n).Sum(j => jacobian[i * n + j] * v[j])).ToArray();
                double[] jvScale = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, n).Sum(j => Math.Abs(jacobian[i * n + j] * v[j]))).ToArray();
                AssertCloseScaled(expectedJv, jv, jvScale, c.Name + " J·v");

                outputs = Filled(m);
                double[] jtu = Filled(n);
                c.Vjp(x, u, outputs, jtu);
                Assert.Equal(expectedOutputs, outputs);
                double[] expectedJtu = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, m).Sum(i => jacobian[i * n + j] * u[i])).ToArray();
                double[] jtuScale = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, m).Sum(i => Math.Abs(jacobian[i * n + j] * u[i]))).ToArray();
                AssertCloseScaled(expectedJtu, jtu, jtuScale, c.Name + " uᵀJ");
            }
        }

        [Fact]
        public void EveryVectorValuedMethodIsACase()
        {
            var names = Cases().Select(c => c.Name).ToList();
            var missing = typeof(VectorModels).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetCustomAttribute<DifferentiableAttribute>() is not null && m.ReturnType == typeof(void))
                .Where(m => !names.Any(name => name.StartsWith(m.Name, StringComparison.Ordinal)))
                .Select(m => m.Name)
                .ToList();
            Assert.True(missing.Count == 0, "not a case of VectorTests: " + string.Join(", ", missing));
        }

        [Fact]
        public void PolarJacobianIsTheClosedForm()
        {
            var xy = new double[2];
            var jacobian = new double[4];
            VectorModels.Polar_Jacobian(2.0, 0.7, xy, jacobian);
            Close.AssertAll(new[] { Math.Cos(0.7), -2.0 * Math.Sin(0.7), Math.Sin(0.7), 2.0 * Math.Cos(0.7) }, jacobian, 1e-15, "polar");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(9)]
        public void SoftmaxJacobianIsDiagSMinusSsT(int n)
        {
            var rng = new SplitMix64((ulong)n * 31337);
            double[] z = rng.Vector(n, -4, 4);
            var s = new double[n];
            var jacobian = new double[n * n];
            VectorModels.Softmax_Jacobian(z, s, jacobian);
            double[] expected = Enumerable.Range(0, n * n).Select(k => (k / n == k % n ? s[k / n] : 0.0) - s[k / n] * s[k % n]).ToArray();
            Close.AssertAll(expected, jacobian, 1e-15, "softmax");
        }

        [Fact]
        public void LinearRk4StepJacobianIsTheStepMatrix()
        {
            const int n = 3;
            double[] hA = LinearSystem.Select(a => Step * a).ToArray();
            double[] term = Identity(n);
            double[] expected = Identity(n);
            foreach (double factorial in new[] { 1.0, 2.0, 6.0, 24.0 })
            {
                // term is (hA)^k; the step matrix adds (hA)^k / k!.
                term = Multiply(term, hA, n);
                for (int k = 0; k < n * n; k++)
                {
                    expected[k] += term[k] / factorial;
                }
            }

            var next = new double[n];
            var jacobian = new double[n * n];
            VectorModels.LinearRk4Step_Jacobian(new[] { 0.3, -1.2, 0.8 }, LinearSystem, Step, next, jacobian);
            Close.AssertAll(expected, jacobian, 1e-14, "RK4 step");
        }

        [Fact]
        public void LotkaVolterraStepJacobianIsIdentityPlusHTimesTheFieldsJacobian()
        {
            const double h = 0.01;
            double u = 1.3, v = 0.6, alpha = 1.1, beta = 0.4, gamma = 0.9, delta = 0.2;
            var next = new double[2];
            var jacobian = new double[12];
            VectorModels.LotkaVolterraStep_Jacobian(u, v, alpha, beta, gamma, delta, next, jacobian);
            double[] expected =
            {
                1 + h * (alpha - beta * v), -h * beta * u, h * u, -h * u * v, 0, 0,
                h * delta * v, 1 + h * (delta * u - gamma), 0, 0, -h * v, h * u * v,
            };
            Close.AssertAll(expected, jacobian, 1e-15, "Lotka-Volterra");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void JacobianOfAnInPlaceUpdateStartsEveryCallFromTheCallersValues(int m)
        {
            // By hand: y'₀ = y₀x + z, y'ᵢ = yᵢx + y'ᵢ₋₁z, so ∂y'ᵢ/∂x = yᵢ + z ∂y'ᵢ₋₁/∂x and ∂y'ᵢ/∂z = y'ᵢ₋₁ + z ∂y'ᵢ₋₁/∂z.
            const double x = 1.3, z = -0.6;
            double[] start = StartingValues.Take(m).ToArray();
            var expectedOutputs = new double[m];
            var expected = new double[m * 2];
            for (int i = 0; i < m; i++)
            {
                expectedOutputs[i] = start[i] * x + (i == 0 ? z : expectedOutputs[i - 1] * z);
                expected[i * 2] = start[i] + (i == 0 ? 0.0 : z * expected[(i - 1) * 2]);
                expected[i * 2 + 1] = i == 0 ? 1.0 : expectedOutputs[i - 1] + z * expected[(i - 1) * 2 + 1];
            }

            double[] outputs = (double[])start.Clone();
            var jacobian = new double[m * 2];
            VectorModels.UpdateInPlace_Jacobian(x, z, outputs, jacobian);
            Close.AssertAll(expected, jacobian, 1e-15, "in-place update");
            Close.AssertAll(expectedOutputs, outputs, 1e-15, "outputs");
        }

        [Fact]
        public void OutputsTheMethodLeavesAloneHaveZeroDerivatives()
        {
            // t < 0 writes only point[0]: the others keep the caller's values and have derivative 0 in every mode.
            double[] point = { 7.0, 8.0, 9.0 };
            var jacobian = new double[3];
            VectorModels.Curve_Jacobian(-0.5, point, jacobian);
            Assert.Equal(new[] { -0.5, 8.0, 9.0 }, point);
            Assert.Equal(new[] { 1.0, 0.0, 0.0 }, jacobian);
            var derivative = new[] { 5.0, 5.0, 5.0 };
            VectorModels.Curve_Jvp(-0.5, point, 2.0, derivative);
            Assert.Equal(new[] { 2.0, 0.0, 0.0 }, derivative);
        }

        [Fact]
        public void BadSpansAreRejected()
        {
            var xy = new double[2];
            Assert.Throws<ArgumentException>(() => VectorModels.Polar_Jacobian(1.0, 0.5, xy, new double[3]));
            Assert.Throws<ArgumentException>(() => VectorModels.Polar_Vjp(1.0, 0.5, xy, new double[3], out _, out _));
            Assert.Throws<ArgumentException>(() => VectorModels.Polar_Jvp(1.0, 0.5, xy, 1.0, 0.0, new double[1]));
            double[] z = { 0.1, 0.2 };
            var s = new double[2];
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Vjp(z, s, new double[2], new double[1]));
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Jvp(z, s, new double[1], new double[2]));

            // Shared memory: the output with an input, the gradient with the output, the Jacobian with the output.
            var shared = new double[4];
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Vjp(shared.AsSpan(0, 2), shared.AsSpan(1, 2), new double[2], new double[2]));
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Vjp(z, shared.AsSpan(0, 2), new double[2], shared.AsSpan(1, 2)));
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Jacobian(z, shared.AsSpan(0, 2), shared));
            Assert.Throws<ArgumentException>(() => VectorModels.Softmax_Jvp(z, s, new double[2], s));
        }

        [Fact]
        public void WarmProductsAndJacobiansAllocateNothing()
        {
            double[] z = { 0.3, -0.1, 0.8, 0.2 };
            var s = new double[4];
            var u = new double[] { 1, 2, 3, 4 };
            var gradient = new double[4];
            var jacobian = new double[16];
            var point = new double[6];
            var columns = new double[6];
            void Run()
            {
                VectorModels.Softmax_Vjp(z, s, u, gradient);
                VectorModels.Softmax_Jvp(z, s, u, gradient);
                VectorModels.Softmax_Jacobian(z, s, jacobian);
                VectorModels.Curve_Jacobian(2.0, point, columns);
            }

            Run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                Run();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static readonly double[] StartingValues = { 0.7, -1.3, 2.1, 0.4 };

        private static void Start(double[] outputs) => StartingValues.AsSpan(0, outputs.Length).CopyTo(outputs);

        private static double[] Filled(int length) => Enumerable.Repeat(double.NaN, length).ToArray();

        private static double[] Identity(int n) => Enumerable.Range(0, n * n).Select(k => k / n == k % n ? 1.0 : 0.0).ToArray();

        private static double[] Multiply(double[] left, double[] right, int n) => Enumerable.Range(0, n * n)
            .Select(k => Enumerable.Range(0, n).Sum(l => left[k / n * n + l] * right[l * n + k % n])).ToArray();

        private static void AssertCloseScaled(double[] expected, double[] actual, double[] scale, string what)
        {
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-12 * Math.Max(1.0, scale[k]), $"{what}: entry {k} is {actual[k]}, expected {expected[k]}");
            }
        }
    }
}
