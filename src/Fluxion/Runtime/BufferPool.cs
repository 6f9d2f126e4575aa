using System;

namespace Fluxion.Runtime
{
    /// <summary>
    /// Arrays handed back by generated gradients on this thread, kept for the next one: a few, for gradients that
    /// call gradients while their own buffers are in use. A warmed-up gradient allocates nothing.
    /// </summary>
    internal static class BufferPool<T>
        where T : struct
    {
        [ThreadStatic]
        private static T[]?[]? spares;

        /// <summary>A kept array of at least <paramref name="needed"/> elements (its contents are stale), or a new one.</summary>
        public static T[] Take(int needed)
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

        /// <summary>Keeps <paramref name="buffer"/> for a later <see cref="Take"/>, in place of the smallest one when all places are taken.</summary>
        public static void Keep(T[] buffer)
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
    }
}
