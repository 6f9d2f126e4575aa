using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.CodeTree;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Spans over the rows innermost loops walk, so that their accesses need no bounds checks.</summary>
    internal static partial class Simplifier
    {
        /// <summary>
        /// Gives an innermost loop with a constant trip count a span over the part of each array it indexes with its
        /// counter plus a value the loop does not change: row j of a flat matrix, <c>theta1[j * columns + 1 + k]</c> for
        /// k from 0 to 7, becomes <c>theta1_row[k]</c> with <c>theta1_row</c> the 8 elements from <c>j * columns + 1</c>
        /// on. The JIT then sees that every index is below the span's length and drops the bounds check of each access
        /// (in the network benchmark they cost a fifth of the gradient's time). A span is made only for an access every
        /// iteration makes (not one inside a branch, or on the side of <c>?:</c>, <c>&amp;&amp;</c> or <c>||</c> that
        /// may not run), so it covers exactly elements the loop reads anyway. An index out of range (or a null array)
        /// still throws, when the span is made.
        /// </summary>
        private static void ViewRows(GradientMethod method, List<CodeStatement> forward, List<CodeStatement> backward)
        {
            var sources = new Dictionary<string, (bool IsArray, bool Writable)>(StringComparer.Ordinal);
            foreach (ParameterModel parameter in method.Source.Parameters.Where(p => p.Sequence is not null))
            {
                sources[parameter.Name] = (parameter.Sequence == SequenceKind.Array, false);
                if (parameter.IsDifferentiable)
                {
                    sources[parameter.OutputName] = (false, true);
                }
            }

            foreach (DeclareArray array in AllStatements(forward).OfType<DeclareArray>())
            {
                sources[array.Name] = (true, false);
            }

            foreach (AdjointArrayDeclaration adjoints in AllStatements(backward).OfType<AdjointArrayDeclaration>())
            {
                sources[adjoints.Name] = (false, true);
            }

            // Taken only when a view is made: most methods have none, and this runs on every edit in the IDE.
            var names = new Lazy<NameAllocator>(() => NamesTaken(method, forward, backward));
            foreach (List<CodeStatement> block in new[] { forward, backward })
            {
                List<CodeStatement> viewed = ViewRowsIn(block, sources, names);
                block.Clear();
                block.AddRange(viewed);
            }
        }

        private static List<CodeStatement> ViewRowsIn(List<CodeStatement> block, Dictionary<string, (bool IsArray, bool Writable)> sources,
            Lazy<NameAllocator> names)
        {
            var result = new List<CodeStatement>();
            foreach (CodeStatement original in block)
            {
                CodeStatement statement = WithBlocks(original, Blocks(original).Select(inner => ViewRowsIn(inner.ToList(), sources, names)
                    .ToEquatableArray()).ToList());
                EquatableArray<CodeStatement> body = Blocks(statement).FirstOrDefault();
                if (statement is not (LoopStatement or ReplayStatement)
                    || AllStatements(body).Any(s => s is LoopStatement or ReplayStatement)
                    || CounterRange(statement, result) is not { } range)
                {
                    result.Add(statement);
                    continue;
                }

                // Accesses whose index is the counter plus a base the loop never changes, in order of appearance.
                var changing = new HashSet<string>(AllStatements(body).SelectMany(s => WrittenHere(s).Concat(DeclaredHere(s))), StringComparer.Ordinal);
                var rows = new List<(string Array, Expr? Base)>();
                var elementTypes = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
                void Consider(string array, Expr index, ScalarType elementType, bool write)
                {
                    if (sources.TryGetValue(array, out var source) && source.Writable == write && !changing.Contains(array)
                        && RowBase(index, range.Counter, changing) is var (matched, rowBase) && matched
                        && !rows.Contains((array, rowBase)))
                    {
                        rows.Add((array, rowBase));
                        elementTypes[array] = elementType;
                    }
                }

                for (int i = range.First; i < range.End; i++)
                {
                    foreach (ElementRead read in ExpressionsOf(body[i]).SelectMany(AlwaysEvaluatedReads))
                    {
                        Consider(read.Array, read.Index, read.ElementType, write: false);
                    }

                    if (body[i] is ElementAddAssign add)
                    {
                        Consider(add.Span, add.Index, ScalarType.Double, write: true);
                    }
                }

                if (rows.Count == 0)
                {
                    result.Add(statement);
                    continue;
                }

                var views = new Dictionary<(string Array, Expr? Base), string>();
                foreach ((string array, Expr? rowBase) in rows)
                {
                    string view = names.Value.Allocate(array + "_row");
                    views[(array, rowBase)] = view;
                    (bool isArray, bool writable) = sources[array];
                    Expr start = rowBase switch
                    {
                        null => Integer(range.Start),
                        IntegerConstant constant => Integer(constant.Value + range.Start),
                        _ when range.Start == 0 => rowBase,
                        _ => new Binary(BinaryOperator.Add, rowBase, Integer(range.Start), ScalarType.Int32),
                    };
                    result.Add(new DeclareView(view, array, isArray, writable, elementTypes[array], start, Integer(range.Trips)));
                }

                Expr viewIndex = range.Start == 0
                    ? new Variable(range.Counter, ScalarType.Int32)
                    : new Binary(BinaryOperator.Subtract, new Variable(range.Counter, ScalarType.Int32), Integer(range.Start), ScalarType.Int32);
                string? ViewOf(string array, Expr index) =>
                    RowBase(index, range.Counter, changing) is var (matched, rowBase) && matched && views.TryGetValue((array, rowBase),
                        out string? view) ? view : null;

                var rewritten = body.ToList();
                for (int i = range.First; i < range.End; i++)
                {
                    rewritten[i] = MapExpressions(rewritten[i], e => Rewrite(e, node =>
                        node is ElementRead read && ViewOf(read.Array, read.Index) is { } view ? read with { Array = view, Index = viewIndex } : null));
                    if (rewritten[i] is ElementAddAssign add && ViewOf(add.Span, add.Index) is { } target)
                    {
                        rewritten[i] = add with { Span = target, Index = viewIndex };
                    }
                }

                result.Add(WithBlocks(statement, new[] { rewritten.ToEquatableArray() }));
            }

            return result;
        }

        /// <summary>The values an innermost loop's counter takes, when they are constants.</summary>
        /// <param name="Start">The counter's first value (counting up) or last (counted down by a replay).</param>
        /// <param name="First">The first statement of the body that sees the counter in that range.</param>
        /// <param name="End">One past the last such statement.</param>
        private sealed record CounterValues(string Counter, long Start, long Trips, int First, int End);

        /// <summary>
        /// For <c>while (k &lt; n)</c> with <c>k</c> set to a constant just before and stepped by one at the end of the
        /// body; or for the replay of such a loop, which counts <c>k</c> back down from its end with a constant number of
        /// iterations.
        /// </summary>
        private static CounterValues? CounterRange(CodeStatement loop, List<CodeStatement> before)
        {
            switch (loop)
            {
                case LoopStatement { TestsFirst: true, Condition: Binary { Operator: BinaryOperator.Less, Left: Variable counter,
                    Right: IntegerConstant bound } } forwardLoop
                    when UnitStep(forwardLoop.Body, counter.Name) is { } step
                        && ValueBefore(counter.Name, before) is (IntegerConstant { Value: var start }, _)
                        && bound.Value - start is > 0 and <= int.MaxValue:
                    return new CounterValues(counter.Name, start, bound.Value - start, 0, step.StepIndex);
                case ReplayStatement replay
                    when replay.Body.Select((statement, index) => (statement, index)).FirstOrDefault(s
                        => IsStepBack(s.statement)) is (Assign stepBack, int stepIndex)
                        && AllStatements(replay.Body).SelectMany(WrittenHere).Count(n => n == stepBack.Name) == 1
                        && ValueBefore(replay.Counter, before) is (IntegerConstant { Value: > 0 and <= int.MaxValue } trips, int countedAt)
                        && ValueBefore(stepBack.Name, before) is (var end, int endAt)
                        && EndOfRange(end, replay.Counter, trips.Value, endAt > countedAt) is long last:
                    return new CounterValues(stepBack.Name, last - trips.Value, trips.Value, stepIndex + 1, replay.Body.Count);
                default:
                    return null;
            }
        }

        /// <summary><c>k = k - 1;</c> for an integer <c>k</c>: a replay stepping its counter back.</summary>
        private static bool IsStepBack(CodeStatement statement) =>
            statement is Assign { Value: Binary { Operator: BinaryOperator.Subtract, Left: Variable { Type: ScalarType.Int32 } stepped,
                Right: IntegerConstant { Value: 1 } } } step
            && stepped.Name == step.Name;

        /// <summary>The constant a replayed counter starts from: a constant, or the iteration count plus a constant (set after the count).</summary>
        private static long? EndOfRange(Expr end, string iterations, long trips, bool afterCount) => end switch
        {
            IntegerConstant constant => constant.Value,
            Variable variable when variable.Name == iterations && afterCount => trips,
            Binary { Operator: BinaryOperator.Add, Left: IntegerConstant offset, Right: Variable variable } when variable.Name == iterations
                && afterCount => offset.Value + trips,
            Binary { Operator: BinaryOperator.Add, Left: Variable variable, Right: IntegerConstant offset } when variable.Name == iterations
                && afterCount => offset.Value + trips,
            _ => null,
        };

        /// <summary>The value the last statement of <paramref name="before"/> that sets <paramref name="name"/> gives it, with its position; null
        /// when that statement is not a plain declaration or assignment.</summary>
        private static (Expr Value, int Index)? ValueBefore(string name, List<CodeStatement> before)
        {
            for (int i = before.Count - 1; i >= 0; i--)
            {
                switch (before[i])
                {
                    case Declare declare when declare.Name == name:
                        return (declare.Value, i);
                    case Assign assign when assign.Name == name:
                        return (assign.Value, i);
                    case var other when WrittenVariables(other).Concat(AllStatements(new[] { other }).SelectMany(DeclaredHere)).Contains(name):
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether <paramref name="index"/> is <c>counter</c>, <c>base + counter</c> or <c>counter + base</c>, with a base
        /// of integer arithmetic on values the loop never changes (null base for the counter alone).
        /// </summary>
        private static (bool Matched, Expr? Base) RowBase(Expr index, string counter, HashSet<string> changing)
        {
            bool IsCounter(Expr e) => e is Variable variable && variable.Name == counter;
            bool IsSteady(Expr e) => e.Type == ScalarType.Int32 && IsPlainInteger(e) && !VariablesOf(e).Any(n => n == counter || changing.Contains(n));
            return index switch
            {
                _ when IsCounter(index) => (true, null),
                Binary { Operator: BinaryOperator.Add, Overflow: not OverflowCheck.Checked } add when IsCounter(add.Right) && IsSteady(add.Left)
                    => (true, add.Left),
                Binary { Operator: BinaryOperator.Add, Overflow: not OverflowCheck.Checked } add when IsCounter(add.Left) && IsSteady(add.Right)
                    => (true, add.Right),
                _ => (false, null),
            };
        }

        private static bool IsPlainInteger(Expr e) => e switch
        {
            Variable or IntegerConstant => true,
            Binary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply } binary => IsPlainInteger(binary.Left)
                && IsPlainInteger(binary.Right),
            _ => false,
        };

        /// <summary>The element reads evaluated whenever the expression is: not those on a side of <c>?:</c>, or right of <c>&amp;&amp;</c> or
        /// <c>||</c>.</summary>
        private static IEnumerable<ElementRead> AlwaysEvaluatedReads(Expr expression)
        {
            IEnumerable<Expr> evaluated = expression switch
            {
                Conditional conditional => new[] { conditional.Condition },
                Binary { Operator: BinaryOperator.And or BinaryOperator.Or } logical => new[] { logical.Left },
                _ => Operands(expression),
            };
            return (expression is ElementRead read ? new[] { read } : Enumerable.Empty<ElementRead>()).Concat(evaluated.SelectMany(AlwaysEvaluatedReads));
        }

        private static IntegerConstant Integer(long value) => new IntegerConstant(value, ScalarType.Int32);
    }
}
