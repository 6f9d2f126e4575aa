using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.CodeTree;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Copy propagation: locals that only pass a value on.</summary>
    internal static partial class Simplifier
    {
        /// <summary>
        /// Removes backward-sweep locals that only pass a value on: a local assigned once from a constant
        /// or a variable is replaced by that value, a local assigned once and read once by a gradient
        /// output is written straight into that output, a local that starts at zero is declared by its
        /// first contribution, and contributions of zero are dropped. Each pass is linear in the code.
        /// </summary>
        private static void PropagateCopies(List<CodeStatement> statements)
        {
            // Every change removes or rewrites a statement toward fewer locals, so this ends.
            while (PropagateCopiesOnce(statements))
            {
            }
        }

        private static bool PropagateCopiesOnce(List<CodeStatement> statements)
        {
            bool changed = PropagateCopiesInBlock(statements);
            for (int i = 0; i < statements.Count; i++)
            {
                var blocks = Blocks(statements[i]).Select(block => block.ToList()).ToList();
                if (blocks.Count > 0)
                {
                    foreach (List<CodeStatement> block in blocks)
                    {
                        changed |= PropagateCopiesOnce(block);
                    }

                    statements[i] = WithBlocks(statements[i], blocks.Select(block => block.ToEquatableArray()).ToList());
                }
            }

            int emptied = statements.RemoveAll(s => s is IfStatement { Then.Count: 0, Else.Count: 0 });
            return changed || emptied > 0;
        }

        /// <summary>One pass over one block; a nested if counts as reading and writing whatever its blocks do.</summary>
        private static bool PropagateCopiesInBlock(List<CodeStatement> statements)
        {
            var uses = new UseIndex(statements);
            var replayCounts = new HashSet<string>(AllStatements(statements).OfType<ReplayStatement>().Select(r => r.Counter), StringComparer.Ordinal);
            var substitutions = new Dictionary<string, Expr>(StringComparer.Ordinal);
            var declareAtFirstContribution = new HashSet<string>(StringComparer.Ordinal);
            var assignAtFirstContribution = new HashSet<string>(StringComparer.Ordinal);
            var copies = new Dictionary<string, (string Of, int At)>(StringComparer.Ordinal);
            var result = new List<CodeStatement>(statements.Count);
            bool changed = false;

            // A local set to zero whose next mention is a contribution that does not read it: that contribution can set it.
            bool IsZeroBeforeFirstContribution(string name, int at) =>
                uses.FirstMentionAfter(name, at) is int first && statements[first] is AddAssign add && add.Name == name && !VariablesOf(add.Value)
                    .Contains(name);

            for (int i = 0; i < statements.Count; i++)
            {
                CodeStatement statement = Substitute(statements[i], substitutions);
                switch (statement)
                {
                    case AddAssign add when declareAtFirstContribution.Remove(add.Name):
                        // Checked first: this contribution declares the local, even when it has become zero.
                        statement = new Declare(add.Name, ScalarType.Double, add.Value);
                        break;
                    case AddAssign add when assignAtFirstContribution.Remove(add.Name):
                        // A loop's adjoint reset to zero, then its first contribution: one assignment, no addition to 0.
                        statement = new Assign(add.Name, add.Value);
                        break;
                    case Assign { Value: Constant { Value: 0.0 } } zero when IsZeroBeforeFirstContribution(zero.Name, i):
                        assignAtFirstContribution.Add(zero.Name);
                        changed = true;
                        continue;
                    case Assign { Value: Variable copyRead } restore
                        when copies.TryGetValue(copyRead.Name, out var copy) && copy.Of == restore.Name
                        && !uses.IsWrittenBetween(restore.Name, copy.At, i - 1) && !uses.IsWrittenBetween(copyRead.Name, copy.At, i - 1):
                        // x = c where c is a copy of x that neither has changed since: nothing to do.
                        changed = true;
                        continue;
                    case AddAssign { Value: Constant { Value: 0.0 } }:
                    case ElementAddAssign { Value: Constant { Value: 0.0 } }:
                        changed = true;
                        continue;
                    case Declare declare when !uses.IsWrittenAfter(declare.Name, i):
                        bool isStableCopy = declare.Value is Constant || (declare.Value is Variable source && !uses.IsWrittenAfter(source.Name, i));
                        if (declare.Value is Variable copied)
                        {
                            copies[declare.Name] = (copied.Name, i);
                        }

                        // A replay's count is a name the replay reads, not an expression that can take a value's place.
                        if ((isStableCopy && !replayCounts.Contains(declare.Name)) || (uses.Readers(declare.Name).Count == 0 && !ContainsCall(declare.Value)))
                        {
                            substitutions[declare.Name] = declare.Value;
                            changed = true;
                            continue;
                        }

                        if (uses.Readers(declare.Name) is { Count: 1 } readers
                            && statements[readers[0]] is Assign { Value: Variable read } output && read.Name == declare.Name
                            && !VariablesOf(declare.Value).Any(v => uses.IsWrittenBetween(v, i, readers[0]))
                            && !ReadsWrittenArray(declare.Value, statements))
                        {
                            // Writes the value straight into the gradient output that is its only reader.
                            statements[readers[0]] = output with { Value = declare.Value };
                            changed = true;
                            continue;
                        }

                        break;
                    case Declare { Value: Constant { Value: 0.0 } } zero when IsZeroBeforeFirstContribution(zero.Name, i):
                        declareAtFirstContribution.Add(zero.Name);
                        changed = true;
                        continue;
                }

                result.Add(statement);
            }

            statements.Clear();
            statements.AddRange(result);
            return changed;
        }

        /// <summary>True when <paramref name="value"/> reads an element of an array some statement of <paramref name="block"/> writes (an adjoint
        /// array): it cannot move.</summary>
        private static bool ReadsWrittenArray(Expr value, List<CodeStatement> block)
        {
            var arrays = new HashSet<string>(ElementReads(value).Select(e => e.Array), StringComparer.Ordinal);
            return arrays.Count > 0 && block.Any(s => WrittenArrays(s).Any(arrays.Contains));
        }

        private static IEnumerable<string> WrittenArrays(CodeStatement statement) => statement switch
        {
            ElementAssign element => new[] { element.Array },
            ElementAddAssign element => new[] { element.Span },
            // A gradient call writes the spans it is given.
            CallStatement { Call: GradientInvocation call } => call.Outputs.Where((o, i) => call.IsSpanOutput(i)),
            AccumulateScaled accumulate => new[] { accumulate.Target },
            _ => Blocks(statement).SelectMany(block => block).SelectMany(WrittenArrays),
        };

        private static CodeStatement Substitute(CodeStatement statement, Dictionary<string, Expr> substitutions)
        {
            if (substitutions.Count == 0)
            {
                return statement;
            }

            return MapExpressions(statement, e => VariablesOf(e).Any(substitutions.ContainsKey)
                ? SimplifyExpression(Rewrite(e, n => n is Variable v && substitutions.TryGetValue(v.Name, out Expr? value) ? value : null), exactOnly: false)
                : e);
        }

        /// <summary>Where each local is read and written, by statement index.</summary>
        private sealed class UseIndex
        {
            private static readonly List<int> None = new List<int>();
            private readonly Dictionary<string, List<int>> reads = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<int>> writes = new Dictionary<string, List<int>>(StringComparer.Ordinal);

            public UseIndex(List<CodeStatement> statements)
            {
                for (int i = 0; i < statements.Count; i++)
                {
                    foreach (string name in ReadVariables(statements[i]).Distinct())
                    {
                        Add(reads, name, i);
                    }

                    foreach (string name in WrittenVariables(statements[i]).Distinct())
                    {
                        Add(writes, name, i);
                    }
                }
            }

            public List<int> Readers(string name) => reads.TryGetValue(name, out List<int>? list) ? list : None;

            public bool IsWrittenAfter(string name, int index) => writes.TryGetValue(name, out List<int>? list) && list[list.Count - 1] > index;

            public bool IsWrittenBetween(string name, int after, int upTo) =>
                writes.TryGetValue(name, out List<int>? list) && list.Any(i => i > after && i <= upTo);

            public int? FirstMentionAfter(string name, int index)
            {
                int? first = null;
                foreach (List<int> list in new[] { Readers(name), writes.TryGetValue(name, out List<int>? written) ? written : None })
                {
                    foreach (int i in list)
                    {
                        if (i > index && (first is null || i < first))
                        {
                            first = i;
                        }
                    }
                }

                return first;
            }

            private static void Add(Dictionary<string, List<int>> map, string name, int index)
            {
                if (!map.TryGetValue(name, out List<int>? list))
                {
                    map[name] = list = new List<int>();
                }

                list.Add(index);
            }
        }

        /// <summary>Every name the gradient method uses, to pick new ones that clash with none.</summary>
        private static NameAllocator NamesTaken(GradientMethod method, params List<CodeStatement>[] blocks)
        {
            var names = new NameAllocator();
            foreach (ParameterModel parameter in method.Source.Parameters)
            {
                names.TryReserve(parameter.Name);
                names.TryReserve(parameter.OutputName);
            }

            foreach (CodeStatement statement in blocks.SelectMany(AllStatements))
            {
                IEnumerable<string> used = DeclaredHere(statement).Concat(WrittenHere(statement)).Concat(OwnReads(statement)).Concat(WrittenArrays(statement))
                    .Concat(ExpressionsOf(statement).SelectMany(ElementReads).Select(read => read.Array));
                if (statement is TapeDeclaration tape)
                {
                    used = used.Append(tape.Tape);
                }

                foreach (string name in used)
                {
                    names.TryReserve(name);
                }
            }

            return names;
        }
    }
}
