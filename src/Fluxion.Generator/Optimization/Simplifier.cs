using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.CodeTree;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Optimization
{
    /// <summary>
    /// The third stage: folds constants and drops <c>* 1</c>, <c>+ 0</c> and <c>0 * x</c> terms, then
    /// removes the adjoint locals that only pass a value along. The forward sweep is the user's own
    /// computation: there only constants are folded (bit for bit what the compiler folds too).
    /// </summary>
    internal static partial class Simplifier
    {
        public static GradientMethod Simplify(GradientMethod method)
        {
            var forward = method.Forward.Select(s => SimplifyStatement(s, exactOnly: true)).ToList();
            var backward = method.Backward.Select(s => SimplifyStatement(s, exactOnly: false)).ToList();
            PropagateCopies(backward);
            backward = MergeElementContributions(backward);
            RemoveUnreadLocals(backward);
            RemoveUnneededTapeEntries(forward, backward);
            RemoveUnreadLocals(backward);
            RemoveUnreadDefinitions(forward, backward);
            if (FuseLoops(method, forward, backward))
            {
                RemoveUnusedTapes(forward, backward);
                RemoveUnreadLocals(backward);
                RemoveUnreadDefinitions(forward, backward);
                CarryNextElements(method, forward, backward);
            }

            // Last: a view is a new name for part of an array, which the passes above would take for another array.
            ViewRows(method, forward, backward);

            return method with { Forward = forward.ToEquatableArray(), Backward = backward.ToEquatableArray() };
        }

        /// <summary>
        /// Adds two contributions to the same element of a gradient in one statement (<c>dx[i] -= a + b;</c> for
        /// <c>dx[i] -= a; …; dx[i] -= b;</c>), one read and one write of memory fewer. Contributions commute, so others to
        /// the same span may come between; nothing between may read the span or change what either one reads.
        /// </summary>
        private static List<CodeStatement> MergeElementContributions(List<CodeStatement> block)
        {
            var result = block.Select(s => WithBlocks(s, Blocks(s).Select(inner => MergeElementContributions(inner.ToList()).ToEquatableArray())
                .ToList())).ToList();
            for (int i = 0; i < result.Count; i++)
            {
                if (result[i] is not ElementAddAssign first)
                {
                    continue;
                }

                var read = new HashSet<string>(VariablesOf(first.Index).Concat(VariablesOf(first.Value)), StringComparer.Ordinal);
                for (int j = i + 1; j < result.Count; j++)
                {
                    CodeStatement later = result[j];
                    if (later is ElementAddAssign next && next.Span == first.Span && next.Index.Equals(first.Index))
                    {
                        result[j] = next with { Value = SimplifyExpression(new Binary(BinaryOperator.Add, first.Value, next.Value,
                            ScalarType.Double), exactOnly: false) };
                        result.RemoveAt(i);
                        i--;
                        break;
                    }

                    bool commutes = later is ElementAddAssign other && other.Span == first.Span;
                    if (!commutes && (Blocks(later).Any() || MentionsArray(later, first.Span) || WrittenVariables(later).Any(read.Contains)))
                    {
                        break;
                    }
                }
            }

            return result;
        }

        /// <summary>Whether a statement without nested blocks writes or reads an element of <paramref name="array"/>.</summary>
        private static bool MentionsArray(CodeStatement statement, string array) =>
            WrittenArrays(statement).Contains(array) || ExpressionsOf(statement).SelectMany(ElementReads).Any(read => read.Array == array);

        /// <summary>
        /// Drops forward definitions nothing reads (a local's first value that is overwritten before any use,
        /// an intermediate only the derivative of a constant needed), so the output has no dead stores.
        /// Definitions that call a method stay: the call may do something the user relies on.
        /// </summary>
        private static void RemoveUnreadDefinitions(List<CodeStatement> forward, List<CodeStatement> backward)
        {
            while (true)
            {
                // A count a loop keeps (i = i + 1) but nothing else reads is not read. A local of a loop body is out of
                // the backward sweep's scope (a replay may declare one of the same name): only the forward sweep reads it.
                var read = new HashSet<string>(forward.Concat(backward).SelectMany(ReadsByOthers), StringComparer.Ordinal);
                var readForward = new HashSet<string>(forward.SelectMany(ReadsByOthers), StringComparer.Ordinal);
                var topLevel = new HashSet<string>(forward.OfType<Declare>().Select(d => d.Name), StringComparer.Ordinal);
                var callers = new HashSet<string>(AssignedValues(forward).Where(a => ContainsCall(a.Value)).Select(a => a.Name), StringComparer.Ordinal);
                callers.UnionWith(CallOutputs(forward));
                var unread = new HashSet<string>(
                    DeclaredNames(forward).Where(name => !(topLevel.Contains(name) ? read : readForward).Contains(name) && !callers.Contains(name)),
                    StringComparer.Ordinal);
                if (unread.Count == 0)
                {
                    return;
                }

                // A value computed in a branch is declared before it and assigned inside: both go.
                RemoveStores(forward, unread);
            }
        }

        /// <summary>The variables a statement reads, leaving out an assignment's reads of its own target, nested blocks included.</summary>
        private static IEnumerable<string> ReadsByOthers(CodeStatement statement) => AllStatements(new[] { statement }).SelectMany(s => s is Assign assign
            ? VariablesOf(assign.Value).Where(name => name != assign.Name)
            : OwnReads(s));

        /// <summary>
        /// Saves only what is needed: a value a loop saves for its replay (a loop variable whose rewound value the
        /// backward sweep never reads, a counter used by nothing but the loop condition, an intermediate only a dropped
        /// term read) is neither pushed by its loop nor popped by the replay, a counter nothing reads is not stepped back,
        /// and a tape nothing is pushed on is not created.
        /// </summary>
        private static void RemoveUnneededTapeEntries(List<CodeStatement> forward, List<CodeStatement> backward)
        {
            while (true)
            {
                var unneeded = new HashSet<(string Counter, string Variable)>();
                FindUnneededRestores(backward.ToEquatableArray(), new List<(EquatableArray<CodeStatement> Block, int Index, CodeStatement? Owner)>(), unneeded);
                if (unneeded.Count == 0)
                {
                    return;
                }

                List<CodeStatement> Without(IEnumerable<CodeStatement> block) => block.Select(statement =>
                {
                    statement = WithBlocks(statement, Blocks(statement).Select(inner => Without(inner).ToEquatableArray()).ToList());
                    return statement switch
                    {
                        ReplayStatement replay => replay with
                        {
                            Body = replay.Body.Where(s => !(RestoredVariable(s) is { } restored && unneeded.Contains((replay.Counter, restored))))
                                .ToEquatableArray(),
                        },
                        LoopStatement loop when CounterOf(loop) is { } counter => loop with
                        {
                            Body = loop.Body.Where(s => !(s is PushStatement { Value: Variable pushed } && unneeded.Contains((counter, pushed.Name))))
                                .ToEquatableArray(),
                        },
                        _ => statement,
                    };
                }).ToList();

                List<CodeStatement> newForward = Without(forward);
                List<CodeStatement> newBackward = Without(backward);
                forward.Clear();
                forward.AddRange(newForward);
                backward.Clear();
                backward.AddRange(newBackward);
                RemoveUnusedTapes(forward, backward);
            }
        }

        /// <summary>The variable a replay statement restores: by a pop from the tape, or by stepping a counter back.</summary>
        private static string? RestoredVariable(CodeStatement statement) => statement switch
        {
            Declare { Value: TapePop } pop => pop.Name,
            Assign { Value: TapePop } pop => pop.Name,
            Assign { Value: Binary { Left: Variable counter, Right: IntegerConstant } } step when counter.Name == step.Name => step.Name,
            _ => null,
        };

        /// <summary>
        /// Finds the restored values nothing reads: not the rest of the replayed iteration, and not what runs after the
        /// replay (the statements after it in each enclosing block, and the whole body of an enclosing loop, whose next
        /// iteration comes after it, unless that body declares the variable afresh).
        /// </summary>
        private static void FindUnneededRestores(
            EquatableArray<CodeStatement> block,
            List<(EquatableArray<CodeStatement> Block, int Index, CodeStatement? Owner)> enclosing,
            HashSet<(string Counter, string Variable)> unneeded)
        {
            for (int i = 0; i < block.Count; i++)
            {
                CodeStatement statement = block[i];
                if (statement is ReplayStatement replay)
                {
                    foreach (CodeStatement restore in replay.Body.Where(s => RestoredVariable(s) is not null))
                    {
                        string name = RestoredVariable(restore)!;
                        // A counter's step reads the counter itself: that read alone keeps nothing alive.
                        bool readInReplay = replay.Body.Where(s => !ReferenceEquals(s, restore)).SelectMany(ReadVariables).Contains(name);
                        var path = new List<(EquatableArray<CodeStatement> Block, int Index, CodeStatement? Owner)>(enclosing) { (block, i, null) };
                        if (!readInReplay && !IsReadAfter(path, name))
                        {
                            unneeded.Add((replay.Counter, name));
                        }
                    }
                }

                foreach (EquatableArray<CodeStatement> inner in Blocks(statement))
                {
                    var path = new List<(EquatableArray<CodeStatement> Block, int Index, CodeStatement? Owner)>(enclosing) { (block, i, statement) };
                    FindUnneededRestores(inner, path, unneeded);
                }
            }
        }

        /// <summary>Whether <paramref name="name"/> is read after the statement at the end of <paramref name="path"/> runs.</summary>
        private static bool IsReadAfter(List<(EquatableArray<CodeStatement> Block, int Index, CodeStatement? Owner)> path, string name)
        {
            for (int level = path.Count - 1; level >= 0; level--)
            {
                (EquatableArray<CodeStatement> block, int index, _) = path[level];
                if (block.Skip(index + 1).SelectMany(ReadVariables).Contains(name))
                {
                    return true;
                }

                // The variable's scope ends with the block that declares it.
                if (block.Take(index).Any(s => s is Declare declare && declare.Name == name))
                {
                    return false;
                }

                // In a loop body, the statements before come again in the next iteration.
                CodeStatement? owner = level > 0 ? path[level - 1].Owner : null;
                if (owner is LoopStatement or ReplayStatement && block.Take(index).SelectMany(ReadVariables).Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The counter a taped loop increments at the end of each iteration, which its replay counts down.</summary>
        private static string? CounterOf(LoopStatement loop) =>
            loop.Body.OfType<Assign>().LastOrDefault() is { Value: Binary { Operator: BinaryOperator.Add, Left: Variable counted } } increment
                && counted.Name == increment.Name
                ? increment.Name
                : null;

        /// <summary>
        /// Removes backward-sweep locals nothing reads (the adjoint of a value that a loop resets each iteration but
        /// no derivative uses), with every assignment to them: C# warns about such stores.
        /// </summary>
        private static void RemoveUnreadLocals(List<CodeStatement> backward)
        {
            while (true)
            {
                var read = new HashSet<string>(backward.SelectMany(ReadVariables), StringComparer.Ordinal);
                var unread = new HashSet<string>(
                    DeclaredNames(backward).Where(name => !read.Contains(name)).Except(AssignedValues(backward).Where(a => ContainsCall(a.Value))
                        .Select(a => a.Name)).Except(CallOutputs(backward)),
                    StringComparer.Ordinal);
                if (unread.Count == 0)
                {
                    return;
                }

                RemoveStores(backward, unread);
            }
        }

        /// <summary>Removes every declaration of and assignment to <paramref name="names"/>, at any depth, and the branches that leaves empty.</summary>
        private static void RemoveStores(List<CodeStatement> block, HashSet<string> names)
        {
            List<CodeStatement> Without(IEnumerable<CodeStatement> statements) => statements
                .Where(s => !(s is Declare d && names.Contains(d.Name)) && !(s is Assign a && names.Contains(a.Name)) && !(s is AddAssign add
                    && names.Contains(add.Name)))
                .Select(s => WithBlocks(s, Blocks(s).Select(inner => Without(inner).ToEquatableArray()).ToList()))
                .Where(s => s is not IfStatement { Then.Count: 0, Else.Count: 0 })
                .ToList();
            List<CodeStatement> kept = Without(block);
            block.Clear();
            block.AddRange(kept);
        }

        private static IEnumerable<string> DeclaredNames(IEnumerable<CodeStatement> block) => AllStatements(block).OfType<Declare>().Select(d => d.Name);

        /// <summary>Every declaration and assignment with its value, nested blocks included.</summary>
        private static IEnumerable<(string Name, Expr Value)> AssignedValues(IEnumerable<CodeStatement> block) => AllStatements(block).SelectMany(s => s switch
        {
            Declare declare => new[] { (declare.Name, declare.Value) },
            Assign assign => new[] { (assign.Name, assign.Value) },
            _ => Array.Empty<(string, Expr)>(),
        });

        /// <summary>The locals calls write as <c>out</c> arguments: declared apart from a call in a branch, they stay while the call does.</summary>
        private static IEnumerable<string> CallOutputs(IEnumerable<CodeStatement> block) =>
            AssignedValues(block).SelectMany(a => CallOutputs(a.Value));

        private static IEnumerable<string> CallOutputs(Expr expression) =>
            (expression is GradientInvocation call ? call.Outputs.Where(o => o.Length > 0) : Enumerable.Empty<string>())
                .Concat(Operands(expression).SelectMany(CallOutputs));

        private static bool ContainsCall(Expr expression) =>
            expression is PassiveCall or GradientInvocation or TapePop || Operands(expression).Any(ContainsCall);

        private static CodeStatement SimplifyStatement(CodeStatement statement, bool exactOnly) =>
            MapExpressions(statement, e => SimplifyExpression(e, exactOnly));

        /// <summary>The same statement with <paramref name="map"/> applied to every expression in it, nested blocks included.</summary>
        private static CodeStatement MapExpressions(CodeStatement statement, Func<Expr, Expr> map) => statement switch
        {
            Declare declare => declare with { Value = map(declare.Value) },
            Assign assign => assign with { Value = map(assign.Value) },
            AddAssign add => add with { Value = map(add.Value) },
            ReturnValue ret => ret with { Value = map(ret.Value) },
            IfStatement branch => branch with
            {
                Condition = map(branch.Condition),
                Then = branch.Then.Select(s => MapExpressions(s, map)).ToEquatableArray(),
                Else = branch.Else.Select(s => MapExpressions(s, map)).ToEquatableArray(),
            },
            LoopStatement loop => loop with { Condition = map(loop.Condition), Body = loop.Body.Select(s => MapExpressions(s, map)).ToEquatableArray() },
            ReplayStatement replay => replay with { Body = replay.Body.Select(s => MapExpressions(s, map)).ToEquatableArray() },
            PushStatement push => push with { Value = map(push.Value) },
            ElementAddAssign element => element with { Index = map(element.Index), Value = map(element.Value) },
            ElementAssign element => element with { Index = map(element.Index), Value = map(element.Value) },
            DeclareArray array => array with { Length = map(array.Length) },
            CallStatement call => call with { Call = map(call.Call) },
            RunEffect effect => effect with { Code = effect.Code.WithHoles(map) },
            AccumulateScaled accumulate => accumulate with { Scale = map(accumulate.Scale), Length = map(accumulate.Length) },
            AdjointArrayDeclaration adjoints => adjoints with { Length = map(adjoints.Length) },
            DeclareView view => view with { Start = map(view.Start), Length = map(view.Length) },
            _ => statement,
        };

        /// <summary>The same statement with its nested blocks replaced, in the order <see cref="Blocks"/> gives them.</summary>
        private static CodeStatement WithBlocks(CodeStatement statement, IReadOnlyList<EquatableArray<CodeStatement>> blocks) => statement switch
        {
            IfStatement branch => branch with { Then = blocks[0], Else = blocks[1] },
            LoopStatement loop => loop with { Body = blocks[0] },
            ReplayStatement replay => replay with { Body = blocks[0] },
            _ => statement,
        };

        /// <summary>Every variable a statement assigns after its declaration, nested blocks included.</summary>
        private static IEnumerable<string> WrittenVariables(CodeStatement statement) => AllStatements(new[] { statement }).SelectMany(WrittenHere);
    }
}
