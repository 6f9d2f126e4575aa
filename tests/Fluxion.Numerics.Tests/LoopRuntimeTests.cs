using System;
using System.Linq;
using System.Threading.Tasks;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// What the README promises of loop and array gradients beyond their values: no allocation once
    /// warm, independent threads, long loops, recovery after an exception, and the argument checks
    /// of the gradient spans.
    /// </summary>
    public sealed class LoopRuntimeTests
    {
        private static readonly double[] W1 = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25];
        private static readonly double[] B1 = [0.1, -0.3, 0.2];
        private static readonly double[] W2 = [0.7, -0.5, 0.3];
        private static readonly double[] Features = [1.0, -0.5, 0.25, 2.0, -1.5, 0.75, 0.5, 0.5];
        private static readonly double[] Labels = [1.0, 0.0, 1.0, 0.0];

        private static long AllocatedBy(Action call)
        {
            for (int i = 0; i < 10; i++)
            {
                call();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                call();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        /// <summary>"values a loop overwrites are kept on a pooled tape, nothing is allocated per call once warm".</summary>
        [Fact]
        public void WarmLoopGradientsAllocateNothing()
        {
            var dw1 = new double[W1.Length];
            var db1 = new double[B1.Length];
            var dw2 = new double[W2.Length];
            Assert.Equal(0, AllocatedBy(() => Loops.SumOfPowers_Grad(0.9, 50, out _)));
            Assert.Equal(0, AllocatedBy(() => Loops.NestedTriangle_Grad(0.4, 12, out _)));
            Assert.Equal(0, AllocatedBy(() => Iterations.KeplerNewton_Grad(1.0, 0.5, out _, out _)));
            Assert.Equal(0, AllocatedBy(() => Iterations.KeplerFixedPoint_Grad(1.0, 0.5, out _, out _)));
            Assert.Equal(0, AllocatedBy(() => ArrayModels.NeuralNetworkLoss_Grad(W1, B1, W2, 0.1, Features, Labels, dw1, db1, dw2, out _)));
        }

        /// <summary>
        /// The same promise when a loop's gradient calls another [Differentiable] method whose gradient
        /// has a loop, and both keep doubles on a tape.
        /// </summary>
        [Fact]
        public void WarmLoopGradientCallingALoopGradientAllocatesNothing()
        {
            long bytes = AllocatedBy(() => Loops.ProductOfLoopingCallee_Grad(0.7, 5, out _));
            Assert.True(bytes == 0, $"{bytes / 100.0} bytes per call");
        }

        /// <summary>The tapes are per call (their spare storage per thread): gradients computed on many threads at once agree with the serial ones.</summary>
        [Fact]
        public void ConcurrentGradientsAgreeWithSerialOnes()
        {
            double[] xs = Enumerable.Range(0, 400).Select(i => 0.2 + i * 0.004).ToArray();
            double[] serial = xs.Select(x =>
            {
                Loops.ProductOfLoopingCallee_Grad(x, 6, out double d1);
                Iterations.KeplerNewton_Grad(x, 0.6, out double d2, out double d3);
                return d1 + d2 + d3;
            }).ToArray();
            var parallel = new double[xs.Length];
            Parallel.For(0, xs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                Loops.ProductOfLoopingCallee_Grad(xs[i], 6, out double d1);
                Iterations.KeplerNewton_Grad(xs[i], 0.6, out double d2, out double d3);
                parallel[i] = d1 + d2 + d3;
            });
            Assert.Equal(serial, parallel);
        }

        /// <summary>A hundred thousand iterations (the tape grows well past its first storage) against the closed form.</summary>
        [Fact]
        public void LongLoopMatchesTheClosedForm()
        {
            const double x = 0.9999;
            const int n = 100_000;
            double value = Loops.GeometricSeries_Grad(x, n, out double dx);
            double closed = (1 - Math.Pow(x, n + 1)) / (1 - x);
            double slope = (1 - (n + 1) * Math.Pow(x, n) + n * Math.Pow(x, n + 1)) / ((1 - x) * (1 - x));
            Assert.Equal(Loops.GeometricSeries(x, n), value);
            Assert.True(Math.Abs(value - closed) <= 1e-9 * closed, $"{value} vs {closed}");
            Assert.True(Math.Abs(dx - slope) <= 1e-8 * slope, $"{dx} vs {slope}");
        }

        /// <summary>A gradient that throws in the middle of its loops (an index out of range) leaves the next call on the thread correct.</summary>
        [Fact]
        public void AnExceptionInsideALoopLeavesLaterCallsCorrect()
        {
            double[] matrix = [1.0, 2.0, 3.0, 4.0];
            double[] x = [0.5, -1.0];
            var dmatrix = new double[4];
            var dx = new double[2];
            double expected = Arrays.QuadraticForm_Grad(matrix, x, 2, dmatrix, dx);
            double[] expectedDx = (double[])dx.Clone();
            Assert.Throws<IndexOutOfRangeException>(() => Arrays.QuadraticForm_Grad(matrix, x, 3, dmatrix, dx));
            Assert.Equal(expected, Arrays.QuadraticForm_Grad(matrix, x, 2, dmatrix, dx));
            Assert.Equal(expectedDx, dx);
            Assert.Equal(expected, Arrays.QuadraticForm(matrix, x, 2));
        }

        /// <summary>The exception a wrong length raises says which input the span should match, and how long it is.</summary>
        [Fact]
        public void WrongLengthMessageNamesTheInputAndBothLengths()
        {
            var exception = Assert.Throws<ArgumentException>(() => Arrays.Dot_Grad([1.0, 2.0], [3.0, 4.0], new double[3], new double[2]));
            Assert.Equal("da", exception.ParamName);
            Assert.Contains("'a' (2), not 3", exception.Message);
        }

        /// <summary>
        /// A gradient span on the memory of another differentiated input: the gradient of a is written
        /// (cleared first) over b, which the function still reads. Expected: ArgumentException, as for a
        /// span on a's own memory (or a correct result); not a silently wrong value and gradient.
        /// </summary>
        [Fact]
        public void GradientSpanOnAnotherInputIsRejected()
        {
            double[] a = [1.0, 2.0, 3.0];
            double[] b = [4.0, 5.0, 6.0];
            var db = new double[3];
            double value;
            try
            {
                value = Arrays.Dot_Grad(a, b, b, db);
            }
            catch (ArgumentException)
            {
                return;
            }

            Assert.True(value == 32.0, $"Dot_Grad(a, b, da: b's memory, db) returned {value}, not a·b = 32, without an exception");
        }

        /// <summary>Two gradient spans on the same memory: the two gradients are summed into it. Expected: ArgumentException.</summary>
        [Fact]
        public void TwoGradientSpansOnTheSameMemoryAreRejected()
        {
            double[] a = [1.0, 2.0, 3.0];
            double[] b = [4.0, 5.0, 6.0];
            var shared = new double[3];
            double[]? result = null;
            try
            {
                Arrays.Dot_Grad(a, b, shared, shared);
                result = shared;
            }
            catch (ArgumentException)
            {
                return;
            }

            Assert.Fail($"Dot_Grad(a, b, da, db) with da and db on one buffer returned without an exception; the buffer holds [{string.Join(", ", result)}] (∂/∂a = [4, 5, 6], ∂/∂b = [1, 2, 3])");
        }

        /// <summary>"ArgumentException before any work": when the second span has the wrong length, the first is left as the caller had it.</summary>
        [Fact]
        public void FailedArgumentCheckLeavesEveryGradientSpanUntouched()
        {
            double[] da = [7.0, 7.0];
            Assert.Throws<ArgumentException>(() => Arrays.Dot_Grad([1.0, 2.0], [3.0, 4.0], da, new double[5]));
            Assert.Equal(new[] { 7.0, 7.0 }, da);
        }

        /// <summary>
        /// A row that runs past the end of its array: the original throws IndexOutOfRangeException inside the loop, the
        /// gradient ArgumentOutOfRangeException where it makes the row's span, before the loop; neither returns numbers.
        /// </summary>
        [Fact]
        public void RowPastTheEndOfItsArrayThrows()
        {
            double[] w = Enumerable.Range(0, 11).Select(i => 0.1 * i).ToArray();
            double[] x = [0.5, -1.0, 2.0];
            Assert.Throws<IndexOutOfRangeException>(() => Rows.DenseLayerEnergy(w, x));
            Assert.Throws<ArgumentOutOfRangeException>(() => Rows.DenseLayerEnergy_Grad(w, x, new double[11], new double[3]));
            double[] full = Enumerable.Range(0, 12).Select(i => 0.1 * i).ToArray();
            Assert.Equal(Rows.DenseLayerEnergy(full, x), Rows.DenseLayerEnergy_Grad(full, x, new double[12], new double[3]));
        }

        /// <summary>An empty or one-element array runs a stencil loop zero times: nothing is indexed, the gradient is zero.</summary>
        [Fact]
        public void StencilOverTooShortArraysTouchesNothing()
        {
            Assert.Equal(0.0, Stencils.SpringChain_Grad([], 2.0, 0.5, Span<double>.Empty, out double dk, out double dr));
            Assert.Equal((0.0, 0.0), (dk, dr));
            double[] dx = [7.0];
            Assert.Equal(0.0, Stencils.SpringChain_Grad([1.5], 2.0, 0.5, dx, out _, out _));
            Assert.Equal(new[] { 0.0 }, dx);
        }

        /// <summary>
        /// Adjoint storage taken from the pool after it was handed back full of non-zero values is all zeros, for every
        /// length from 1 to 130 (lengths where a vectorised clear would change strategy, should the runtime's plain loop
        /// ever be replaced) and for a length shorter than the buffer it reuses.
        /// </summary>
        [Fact]
        public void AdjointStorageFromADirtyPooledBufferIsAllZeros()
        {
            for (int length = 1; length <= 130; length++)
            {
                AssertZeroAfterDirtyReuse(length, length);
                AssertZeroAfterDirtyReuse(length + 17, length);
            }
        }

        // Makes every pooled buffer on this thread that could serve `taken` a dirty one: takes all of them (and new ones)
        // at `dirtied` ≥ `taken` elements, fills them with NaN and hands them back, so the pool keeps only these.
        private static void AssertZeroAfterDirtyReuse(int dirtied, int taken)
        {
            var held = new Fluxion.Runtime.AdjointArray[8];
            for (int i = 0; i < held.Length; i++)
            {
                held[i] = new Fluxion.Runtime.AdjointArray(dirtied);
                held[i].Segment.AsSpan().Fill(double.NaN);
            }

            for (int i = 0; i < held.Length; i++)
            {
                held[i].Dispose();
            }

            var reused = new Fluxion.Runtime.AdjointArray(taken);
            ArraySegment<double> adjoints = reused.Segment;
            Assert.Equal(taken, adjoints.Count);
            for (int i = 0; i < adjoints.Count; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(adjoints[i]) == 0, $"length {taken} after {dirtied}: element {i} is {adjoints[i]}");
            }

            reused.Dispose();
        }

        /// <summary>Pooled adjoints start at zero, and storage handed back twice is still given to one taker only.</summary>
        [Fact]
        public void AdjointStorageHandedBackTwiceIsNotShared()
        {
            var first = new Fluxion.Runtime.AdjointArray(5);
            Span<double> firstAdjoints = first.Segment;
            firstAdjoints[3] = 7.0;
            first.Dispose();
            first.Dispose();
            var second = new Fluxion.Runtime.AdjointArray(5);
            var third = new Fluxion.Runtime.AdjointArray(5);
            Span<double> secondAdjoints = second.Segment;
            Span<double> thirdAdjoints = third.Segment;
            Assert.Equal(0.0, secondAdjoints[3]);
            secondAdjoints[3] = 1.0;
            thirdAdjoints[3] = 2.0;
            Assert.Equal(1.0, secondAdjoints[3]);
            second.Dispose();
            third.Dispose();
        }
    }
}
