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
            var result = block.Select(s => WithBlocks(s, Blocks(s).Select(inner => MergeElementContributions(inner.ToList()).ToEquatableArray()).ToList())).ToList();
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
                        result[j] = next with { Value = SimplifyExpression(new Binary(BinaryOperator.Add, first.Value, next.Value, ScalarType.Double), exactOnly: false) };
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
                            Body = replay.Body.Where(s => !(RestoredVariable(s) is { } restored && unneeded.Contains((replay.Counter, restored)))).ToEquatableArray(),
                        },
                        LoopStatement loop when CounterOf(loop) is { } counter => loop with
                        {
                            Body = loop.Body.Where(s => !(s is PushStatement { Value: Variable pushed } && unneeded.Contains((counter, pushed.Name)))).ToEquatableArray(),
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
            loop.Body.OfType<Assign>().LastOrDefault() is { Value: Binary { Operator: BinaryOperator.Add, Left: Variable counted } } increment && counted.Name == increment.Name
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
                    DeclaredNames(backward).Where(name => !read.Contains(name)).Except(AssignedValues(backward).Where(a => ContainsCall(a.Value)).Select(a => a.Name)),
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
                .Where(s => !(s is Declare d && names.Contains(d.Name)) && !(s is Assign a && names.Contains(a.Name)) && !(s is AddAssign add && names.Contains(add.Name)))
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

        public static Expr SimplifyExpression(Expr expression, bool exactOnly) => Rewrite(expression, e => SimplifyNode(e, exactOnly));

        /// <summary>One rewrite of a node whose operands are already simplified; null keeps it.</summary>
        private static Expr? SimplifyNode(Expr node, bool exactOnly)
        {
            switch (node)
            {
                case Unary { Operator: UnaryOperator.Negate, Operand: Constant c }:
                    return new Constant(-c.Value);
                case Unary { Operator: UnaryOperator.Negate, Operand: Unary { Operator: UnaryOperator.Negate } inner }:
                    return inner.Operand;
                case NumericConversion { Operand: IntegerConstant i, TargetType: ScalarType.Double }:
                    return new Constant(i.Value);
                case Binary { Type: ScalarType.Double } binary:
                    return SimplifyArithmetic(binary, exactOnly);
                case MathCall { Function: "Pow" } power when IsConstant(power.Arguments[1], 1.0):
                    return power.Arguments[0];
                case Binary { Type: ScalarType.Boolean } comparison when !exactOnly && comparison.Left.Equals(comparison.Right) && IsReflexive(comparison.Operator) is bool holds:
                    // The rules of Max(x, x) and friends compare a value with itself: decided here (NaN aside), and C#
                    // warns on it (CS1718). Only in the backward sweep: the user's own `x != x` is a NaN test.
                    return new BooleanConstant(holds);
                case Binary { Type: ScalarType.Boolean, Left: Constant left, Right: Constant right } comparison when Compare(comparison.Operator, left.Value, right.Value) is bool holds:
                    return new BooleanConstant(holds);
                case MathCall call when !exactOnly && call.Arguments.All(a => a is Constant) && FoldMath(call.Function, call.Arguments.Select(a => ((Constant)a).Value).ToArray()) is double folded:
                    // Only in the backward sweep, where a last-bit difference from the runtime's own result is harmless.
                    return new Constant(folded);
                case Conditional { Condition: BooleanConstant condition } conditional when !exactOnly:
                    // Not in the forward sweep: `c < (false ? b : c)` would become `c < c`, which C# warns about.
                    return condition.Value ? conditional.WhenTrue : conditional.WhenFalse;
                case Conditional conditional when !exactOnly && conditional.WhenTrue.Equals(conditional.WhenFalse):
                    return conditional.WhenTrue;
                default:
                    return null;
            }
        }

        private static Expr? SimplifyArithmetic(Binary node, bool exactOnly)
        {
            Expr left = node.Left;
            Expr right = node.Right;
            if (left is Constant l && right is Constant r)
            {
                return Fold(node.Operator, l.Value, r.Value) is double folded ? new Constant(folded) : null;
            }

            if (exactOnly)
            {
                // The user's own expression: only constants are folded, so it reads (and warns) as they wrote it.
                return null;
            }

            switch (node.Operator)
            {
                case BinaryOperator.Add:
                    if (IsConstant(right, 0.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return right;
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } bothLeft && right is Unary { Operator: UnaryOperator.Negate } bothRight)
                    {
                        return Negate(node with { Left = bothLeft.Operand, Right = bothRight.Operand });
                    }

                    if (right is Unary { Operator: UnaryOperator.Negate } negatedRight)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Right = negatedRight.Operand };
                    }

                    if (right is Constant { Value: < 0.0 } negativeRight)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Right = new Constant(-negativeRight.Value) };
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } negatedLeft)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Left = right, Right = negatedLeft.Operand };
                    }

                    break;
                case BinaryOperator.Subtract:
                    if (IsConstant(right, 0.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return Negate(right);
                    }

                    if (right is Unary { Operator: UnaryOperator.Negate } negated)
                    {
                        return node with { Operator = BinaryOperator.Add, Right = negated.Operand };
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } negatedFirst)
                    {
                        // -a - b is -(a + b): a subtraction from a gradient reads as one.
                        return Negate(node with { Operator = BinaryOperator.Add, Left = negatedFirst.Operand });
                    }

                    break;
                case BinaryOperator.Multiply:
                    if (IsConstant(right, 1.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 1.0))
                    {
                        return right;
                    }

                    if (IsConstant(left, -1.0))
                    {
                        return Negate(right);
                    }

                    if (IsConstant(right, -1.0))
                    {
                        return Negate(left);
                    }

                    if (IsConstant(left, 0.0) || IsConstant(right, 0.0))
                    {
                        return Constant.Zero;
                    }

                    if (left is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalLeft)
                    {
                        return node with { Operator = BinaryOperator.Divide, Left = right, Right = reciprocalLeft.Right };
                    }

                    if (right is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalRight)
                    {
                        return node with { Operator = BinaryOperator.Divide, Right = reciprocalRight.Right };
                    }

                    return SimplifySigns(node);
                case BinaryOperator.Divide:
                    if (IsConstant(right, 1.0))
                    {
                        return left;
                    }

                    if (IsConstant(right, -1.0))
                    {
                        return Negate(left);
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return Constant.Zero;
                    }

                    return SimplifySigns(node);
            }

            return null;
        }

        /// <summary>Moves a minus sign out of a product or quotient: <c>(-a) * b</c> is <c>-(a * b)</c>, <c>(-a) * (-b)</c> is <c>a * b</c>.</summary>
        private static Expr? SimplifySigns(Binary node)
        {
            bool leftNegated = node.Left is Unary { Operator: UnaryOperator.Negate };
            bool rightNegated = node.Right is Unary { Operator: UnaryOperator.Negate };
            if (!leftNegated && !rightNegated)
            {
                return null;
            }

            Expr left = leftNegated ? ((Unary)node.Left).Operand : node.Left;
            Expr right = rightNegated ? ((Unary)node.Right).Operand : node.Right;
            Expr unsigned = node with { Left = left, Right = right };
            return leftNegated && rightNegated ? unsigned : Negate(unsigned);
        }

        private static bool? IsReflexive(BinaryOperator comparison) => comparison switch
        {
            BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal => true,
            BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.NotEqual => false,
            _ => null,
        };

        private static bool? Compare(BinaryOperator op, double left, double right) => op switch
        {
            BinaryOperator.Less => left < right,
            BinaryOperator.LessOrEqual => left <= right,
            BinaryOperator.Greater => left > right,
            BinaryOperator.GreaterOrEqual => left >= right,
            BinaryOperator.Equal => left == right,
            BinaryOperator.NotEqual => left != right,
            _ => null,
        };

        private static double? FoldMath(string function, double[] arguments) => (function, arguments.Length) switch
        {
            ("Log", 1) => Math.Log(arguments[0]),
            ("Exp", 1) => Math.Exp(arguments[0]),
            ("Sqrt", 1) => Math.Sqrt(arguments[0]),
            ("Pow", 2) => Math.Pow(arguments[0], arguments[1]),
            _ => null,
        };

        private static double? Fold(BinaryOperator op, double left, double right) => op switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => left / right,
            _ => null,
        };

        private static bool IsConstant(Expr expression, double value) => expression is Constant c && c.Value.Equals(value);

        private static Expr Negate(Expr operand) =>
            operand switch
            {
                Constant c => new Constant(-c.Value),
                Unary { Operator: UnaryOperator.Negate } negated => negated.Operand,
                _ => new Unary(UnaryOperator.Negate, operand, ScalarType.Double),
            };

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
                uses.FirstMentionAfter(name, at) is int first && statements[first] is AddAssign add && add.Name == name && !VariablesOf(add.Value).Contains(name);

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

        /// <summary>True when <paramref name="value"/> reads an element of an array some statement of <paramref name="block"/> writes (an adjoint array): it cannot move.</summary>
        private static bool ReadsWrittenArray(Expr value, List<CodeStatement> block)
        {
            var arrays = new HashSet<string>(ElementReads(value).Select(e => e.Array), StringComparer.Ordinal);
            return arrays.Count > 0 && block.Any(s => WrittenArrays(s).Any(arrays.Contains));
        }

        private static IEnumerable<ElementRead> ElementReads(Expr expression) =>
            (expression is ElementRead read ? new[] { read } : Enumerable.Empty<ElementRead>()).Concat(Operands(expression).SelectMany(ElementReads));

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
