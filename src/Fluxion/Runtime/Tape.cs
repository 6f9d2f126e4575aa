using System;
using System.Runtime.CompilerServices;

namespace Fluxion.Runtime
{
    /// <summary>
    /// The stack on which a generated gradient keeps, for each loop iteration, the values the backward sweep
    /// reads back in reverse order. Storage is reused from call to call on the same thread, so a warmed-up
    /// gradient allocates nothing.
    /// </summary>
    /// <typeparam name="T">The type of the values kept.</typeparam>
    /// <remarks>Generated code uses it as a local: <c>var tape = new Tape&lt;double&gt;();</c> … <c>tape.Dispose();</c>.</remarks>
    public struct Tape<T> : IDisposable
        where T : struct
    {
        private T[]? items;
        private int count;

        /// <summary>Keeps <paramref name="value"/> on top of the tape.</summary>
        /// <param name="value">The value to keep.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(T value)
        {
            // Nothing but the two fields is touched here, so the JIT can keep them in registers inside a loop.
            if (items is null || count == items.Length)
            {
                items = Grow(items, count);
            }

            items[count++] = value;
        }

        /// <summary>Takes back the value kept last.</summary>
        /// <returns>The value on top of the tape.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Pop() => items![--count];

        /// <summary>Hands the storage back for the next gradient on this thread.</summary>
        public void Dispose()
        {
            if (items is not null)
            {
                BufferPool<T>.Keep(items);
            }

            items = null;
            count = 0;
        }

        private static T[] Grow(T[]? items, int count)
        {
            T[] larger = BufferPool<T>.Take(items is null ? 64 : items.Length * 2);
            if (items is not null)
            {
                Array.Copy(items, larger, count);
                BufferPool<T>.Keep(items);
            }

            return larger;
        }
    }
}
