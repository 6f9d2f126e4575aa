using System;
using System.Collections.Generic;

namespace Fluxion.Generator.Model
{
    /// <summary>Hands out identifiers that are unique within the generated method.</summary>
    internal sealed class NameAllocator
    {
        private readonly HashSet<string> used = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Takes <paramref name="name"/> if it is still free.</summary>
        public bool TryReserve(string name) => used.Add(name);

        public bool IsTaken(string name) => used.Contains(name);

        /// <summary>The names taken so far, to undo a walk that has to be done again.</summary>
        public State Save() => new State(new HashSet<string>(used, StringComparer.Ordinal));

        public void Restore(State state)
        {
            used.Clear();
            used.UnionWith(state.Used);
        }

        public sealed class State
        {
            public State(HashSet<string> used) => Used = used;

            public HashSet<string> Used { get; }
        }

        /// <summary>Returns <paramref name="preferred"/> if it is free, else the first free <c>preferred_2</c>, <c>preferred_3</c>, …</summary>
        public string Allocate(string preferred)
        {
            if (used.Add(preferred))
            {
                return preferred;
            }

            for (int suffix = 2; ; suffix++)
            {
                string candidate = preferred + "_" + suffix;
                if (used.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
