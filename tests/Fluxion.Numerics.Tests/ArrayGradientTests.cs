using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The checks every function of the array catalog goes through: the documented signature, the value,
    /// the gradient of every entry against central differences and the exact gradient, and the
    /// contract of the gradient spans (overwritten, same length, no memory shared with the input).
    /// </summary>
    public sealed class ArrayGradientTests
    {
        public static TheoryData<string> Functions => ArrayCatalog.Names();

        public static TheoryData<string> FunctionsWithExactGradient => ArrayCatalog.Names(c => c.Exact is not null);

        /// <summary>The functions with a differentiated array or span.</summary>
        public static TheoryData<string> FunctionsWithGradientSpans => ArrayCatalog.Names(c => c.Active.Any(c.IsSequence));

        /// <summary>The functions with a differentiated ReadOnlySpan or Span (whose input can be a slice of a shared buffer).</summary>
        public static TheoryData<string> FunctionsWithDifferentiatedSpans =>
            ArrayCatalog.Names(c => c.Active.Any(i => c.Parameters[i].ParameterType != typeof(double[]) && c.IsSequence(i)));

        /// <summary>F_Grad takes F's parameters, then out double dx per double and Span&lt;double&gt; dx per array or span, in order.</summary>
        [Theory]
        [MemberData(nameof(Functions))]
        public void GradientHasTheDocumentedSignature(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            MethodInfo grad = c.Gradient ?? throw new Xunit.Sdk.XunitException($"Fluxion generated no {c.Original.Name}_Grad with the documented signature.");
            ParameterInfo[] expected = c.Original.GetParameters();
            ParameterInfo[] actual = grad.GetParameters();
            Assert.Equal(typeof(double), grad.ReturnType);
            Assert.Equal(expected.Length + c.Active.Length, actual.Length);
            Assert.Equal(c.Original.IsPublic, grad.IsPublic);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].ParameterType, actual[i].ParameterType);
                Assert.Equal(expected[i].Name, actual[i].Name);
            }

            for (int k = 0; k < c.Active.Length; k++)
            {
                ParameterInfo output = actual[expected.Length + k];
                Assert.Equal("d" + c.ActiveName(k), output.Name);
                if (c.IsSequence(c.Active[k]))
                {
                    Assert.Equal(typeof(Span<double>), output.ParameterType);
                }
                else
                {
                    Assert.True(output.IsOut, $"{output.Name} is not out");
                    Assert.Equal(typeof(double).MakeByRefType(), output.ParameterType);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void ReturnsTheOriginalValueExactly(string name)
        {
            var failures = ArrayChecks.ValueMatches(ArrayCatalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void GradientAgreesWithCentralDifferences(string name)
        {
            var failures = ArrayChecks.AgreesWithFiniteDifferences(ArrayCatalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Theory]
        [MemberData(nameof(FunctionsWithExactGradient))]
        public void GradientAgreesWithExactGradient(string name)
        {
            var failures = ArrayChecks.AgreesWithExactGradient(ArrayCatalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        /// <summary>Garbage in the gradient spans (NaN, ±∞, 1e300) is overwritten, not added to.</summary>
        [Theory]
        [MemberData(nameof(FunctionsWithGradientSpans))]
        public void GradientOverwritesWhateverTheSpanHeld(string name)
        {
            var failures = ArrayChecks.OverwritesGarbage(ArrayCatalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void InputsAreNotWritten(string name)
        {
            var failures = ArrayChecks.LeavesInputsUnchanged(ArrayCatalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        /// <summary>A gradient span one shorter, one longer or empty throws ArgumentException naming it.</summary>
        [Theory]
        [MemberData(nameof(FunctionsWithGradientSpans))]
        public void WrongLengthThrowsNamingTheGradientSpan(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            object[] p = ArrayChecks.PointWithLengths(c);
            for (int k = 0; k < c.Active.Length; k++)
            {
                if (!c.IsSequence(c.Active[k]))
                {
                    continue;
                }

                int n = c.OutputLength(p, k);
                foreach (int wrong in new[] { n - 1, n + 1, 0 })
                {
                    object[] outputs = ArrayChecks.Outputs(c, p);
                    outputs[k] = new double[wrong];
                    var exception = Assert.Throws<ArgumentException>(() => c.CallGradient(p, outputs));
                    Assert.Equal("d" + c.ActiveName(k), exception.ParamName);
                    Assert.Contains(c.ActiveName(k), exception.Message);
                }
            }
        }

        /// <summary>A gradient span that is its input's own memory throws ArgumentException naming it.</summary>
        [Theory]
        [MemberData(nameof(FunctionsWithGradientSpans))]
        public void GradientSpanOnItsInputThrows(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            object[] p = ArrayChecks.PointWithLengths(c);
            for (int k = 0; k < c.Active.Length; k++)
            {
                int i = c.Active[k];
                if (!c.IsSequence(i))
                {
                    continue;
                }

                double[] input = (double[])p[i];
                object[] outputs = ArrayChecks.Outputs(c, p);
                outputs[k] = new SpanSlot(input, 0, input.Length);
                var exception = Assert.Throws<ArgumentException>(() => c.CallGradient(p, outputs));
                Assert.Equal("d" + c.ActiveName(k), exception.ParamName);
            }
        }

        /// <summary>
        /// A span input and its gradient span that overlap partly (one entry apart in one buffer, either
        /// way round) throw; side by side in one buffer they do not, and the gradient is the usual one.
        /// </summary>
        [Theory]
        [MemberData(nameof(FunctionsWithDifferentiatedSpans))]
        public void PartialOverlapThrowsAndNeighboursDoNot(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            object[] p = ArrayChecks.PointWithLengths(c);
            double[][] expected = c.NewGradient(p);
            c.ValueAndGradient(p, expected);
            for (int k = 0; k < c.Active.Length; k++)
            {
                int i = c.Active[k];
                if (!c.IsSequence(i) || c.Parameters[i].ParameterType == typeof(double[]))
                {
                    continue;
                }

                double[] input = (double[])p[i];
                int n = input.Length;
                foreach ((int inputStart, int outputStart) in new[] { (0, 1), (1, 0) })
                {
                    var buffer = new double[n + 1];
                    input.CopyTo(buffer, inputStart);
                    object[] inputs = (object[])p.Clone();
                    inputs[i] = new SpanSlot(buffer, inputStart, n);
                    object[] outputs = ArrayChecks.Outputs(c, p);
                    outputs[k] = new SpanSlot(buffer, outputStart, n);
                    var exception = Assert.Throws<ArgumentException>(() => c.CallGradient(inputs, outputs));
                    Assert.Equal("d" + c.ActiveName(k), exception.ParamName);
                }

                var shared = new double[2 * n];
                input.CopyTo(shared, 0);
                object[] sideBySideInputs = (object[])p.Clone();
                sideBySideInputs[i] = new SpanSlot(shared, 0, n);
                object[] sideBySideOutputs = ArrayChecks.Outputs(c, p);
                sideBySideOutputs[k] = new SpanSlot(shared, n, n);
                double value = c.CallGradient(sideBySideInputs, sideBySideOutputs);
                Assert.Equal(c.Value(p), value);
                Assert.Equal(expected[k], shared.Skip(n).ToArray());
                Assert.Equal(input, shared.Take(n).ToArray());
            }
        }

        /// <summary>A second call on the same thread (the tape's storage reused) gives the same value and gradient, bit for bit.</summary>
        [Theory]
        [MemberData(nameof(Functions))]
        public void RepeatedCallsAgree(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            foreach (object[] p in c.Points(8))
            {
                double[][] first = c.NewGradient(p);
                double[][] second = c.NewGradient(p);
                double v1 = c.ValueAndGradient(p, first);
                double v2 = c.ValueAndGradient(p, second);
                Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(v2));
                for (int k = 0; k < first.Length; k++)
                {
                    Assert.Equal(first[k].Select(BitConverter.DoubleToInt64Bits), second[k].Select(BitConverter.DoubleToInt64Bits));
                }
            }
        }

        [Fact]
        public void AtLeastTwentyArrayFunctions()
        {
            int count = ArrayCatalog.All.Values.Count(c => c.Parameters.Any(q => q.ParameterType != typeof(double) && ArrayCase.IsDifferentiableType(q.ParameterType)));
            Assert.True(count >= 20, $"only {count} functions with array or span parameters");
        }

        /// <summary>Every kind of sequence parameter, differentiated and passed through, is in the catalog.</summary>
        [Fact]
        public void CatalogCoversEverySequenceKind()
        {
            var differentiated = ArrayCatalog.All.Values.SelectMany(c => c.Active.Select(i => c.Parameters[i].ParameterType)).ToHashSet();
            var passive = ArrayCatalog.All.Values.SelectMany(c => Enumerable.Range(0, c.Parameters.Count).Where(i => !c.Active.Contains(i)).Select(i => c.Parameters[i].ParameterType)).ToHashSet();
            Type[] differentiatedKinds = [typeof(double[]), typeof(ReadOnlySpan<double>), typeof(Span<double>), typeof(double)];
            Type[] passiveKinds = [typeof(double[]), typeof(ReadOnlySpan<double>), typeof(int[]), typeof(ReadOnlySpan<int>), typeof(int), typeof(double)];
            Assert.True(differentiated.IsSupersetOf(differentiatedKinds), "differentiated: " + string.Join(", ", differentiated));
            Assert.True(passive.IsSupersetOf(passiveKinds), "passed through: " + string.Join(", ", passive));
        }

        /// <summary>The invoker passes a double[] as a span without copying: the generated method sees the caller's memory.</summary>
        [Fact]
        public void InvokerPassesArraysAsSpansWithoutCopying()
        {
            ArrayCase c = ArrayCatalog.Get("Arrays.SumOfSquaresReadOnlySpan");
            double[] x = [1.0, 2.0, 3.0];
            double[] dx = [0.0, 0.0, 0.0];
            Assert.Equal(14.0, c.CallGradient([x], [dx]));
            Assert.Equal(new[] { 2.0, 4.0, 6.0 }, dx);
            Assert.Throws<ArgumentException>(() => c.CallGradient([x], [x]));
        }

        /// <summary>The invoker passes an out double as the address of a box's field, and the generated method writes it.</summary>
        [Fact]
        public void InvokerPassesOutDoublesByAddress()
        {
            ArrayCase c = ArrayCatalog.Get("Arrays.GaussianLogLikelihood");
            var dmu = new StrongBox<double>(double.NaN);
            var dsigma = new StrongBox<double>(double.NaN);
            c.CallGradient([new[] { 1.0, 3.0 }, 1.0, 2.0], [dmu, dsigma]);
            Assert.Equal((0.0 + 2.0) / 4.0, dmu.Value);
            Assert.Equal(-2 / 2.0 + (0.0 + 4.0) / 8.0, dsigma.Value);
        }
    }
}
