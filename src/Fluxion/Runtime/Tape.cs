using System;

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
        /// <summary>Storage handed back on this thread; a few, for gradients that call gradients while their own tape is in use.</summary>
        [ThreadStatic]
        private static T[]?[]? spares;

        private T[]? items;
        private int count;

        /// <summary>Keeps <paramref name="value"/> on top of the tape.</summary>
        /// <param name="value">The value to keep.</param>
        public void Push(T value)
        {
            T[] buffer = items is not null && count < items.Length ? items : Grow();
            buffer[count++] = value;
        }

        /// <summary>Takes back the value kept last.</summary>
        /// <returns>The value on top of the tape.</returns>
        public T Pop() => items![--count];

        /// <summary>Hands the storage back for the next gradient on this thread.</summary>
        public void Dispose()
        {
            if (items is not null)
            {
                Keep(items);
            }

            items = null;
            count = 0;
        }

        private static void Keep(T[] buffer)
        {
            T[]?[] kept = spares ??= new T[]?[4];
            int smallest = 0;
            for (int i = 0; i < kept.Length; i++)
            {
                if (kept[i] is null)
                {
                    kept[i] = buffer;
                    return;
                }

                if (kept[i]!.Length < kept[smallest]!.Length)
                {
                    smallest = i;
                }
            }

            if (kept[smallest]!.Length < buffer.Length)
            {
                kept[smallest] = buffer;
            }
        }

        private static T[] Take(int needed)
        {
            T[]?[]? kept = spares;
            if (kept is not null)
            {
                for (int i = 0; i < kept.Length; i++)
                {
                    if (kept[i] is { } buffer && buffer.Length >= needed)
                    {
                        kept[i] = null;
                        return buffer;
                    }
                }
            }

            return new T[needed];
        }

        private T[] Grow()
        {
            T[] larger = Take(items is null ? 64 : items.Length * 2);
            if (items is not null)
            {
                Array.Copy(items, larger, count);
                Keep(items);
            }

            items = larger;
            return larger;
        }
    }
}
