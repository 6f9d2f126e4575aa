using System;

namespace Fluxion.Runtime
{
    /// <summary>
    /// The adjoints of a local array's elements in a generated gradient: all zero at first, storage reused from call
    /// to call on the same thread, so a warmed-up gradient allocates nothing for them.
    /// </summary>
    /// <remarks>
    /// Generated code keeps it in a local and works through a span over it:
    /// <c>var a_adj_storage = new AdjointArray(a.Length); Span&lt;double&gt; a_adj = a_adj_storage.Segment;</c> …
    /// <c>a_adj_storage.Dispose();</c>.
    /// </remarks>
    public struct AdjointArray : IDisposable
    {
        private double[]? items;
        private readonly int length;

        /// <summary>Takes storage for <paramref name="length"/> adjoints, each zero.</summary>
        /// <param name="length">The length of the array whose adjoints these are.</param>
        public AdjointArray(int length)
        {
            double[] storage = BufferPool<double>.Take(length);
            // A plain loop, not Array.Clear or Span.Clear: on AVX-512 hardware the tier-1 code behind those stores with
            // 512-bit registers and returns without vzeroupper, and every later Math.Exp, Log, Pow… (legacy-SSE native
            // code) then pays the AVX/SSE transition penalty, many times the call's cost (docs/benchmarks.md). This loop
            // compiles to one scalar 8-byte store per element without bounds checks: no vector state, and cheap next to
            // the gradient's own work on each adjoint. (Span.Fill is clean too, but netstandard2.0 has no Span.)
            for (int i = 0; i < length; i++)
            {
                storage[i] = 0.0;
            }

            items = storage;
            this.length = length;
        }

        /// <summary>The adjoints as a segment of exactly the array's length, to pass where a gradient span is expected.</summary>
        public ArraySegment<double> Segment => new ArraySegment<double>(items!, 0, length);

        /// <summary>Hands the storage back for the next gradient on this thread.</summary>
        public void Dispose()
        {
            if (items is not null)
            {
                BufferPool<double>.Keep(items);
            }

            items = null;
        }
    }
}
