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
            items = BufferPool<double>.Take(length);
            Array.Clear(items, 0, length);
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
