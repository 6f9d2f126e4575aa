using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Ifs that may return, break or continue: what follows such an if runs only on the paths that fall through, so each of those paths
    /// gets its own copy of it; where copies would double or nest deeply, returns set a flag instead (ParseWithReturnFlag).
    /// </summary>
    internal sealed partial class BodyParser
    {
        /// <summary>After a loop that may have returned: return the kept value, or go on with what follows.</summary>
        private bool ReturnAfterLoop(IReadOnlyList<IOperation> operations, int rest, List<Statement> target, Continuation? after)
        {
            var otherwise = new List<Statement>();
            bool returns = ParseSequence(operations, rest, otherwise, after);
            Expr? kept = output is null ? new Variable(ReturnValue(), ScalarType.Double) : null;
            var returning = loops.Count == 0 ? new List<Statement> { new Return(kept) } : new List<Statement>();
            if (loops.Count == 0 && !returns)
            {
                // The compiler let the method end here only because the loop never exits without returning
                // (while (true) { … return …; }): that path returns the kept value too.
                otherwise.Add(new Return(kept));
                returns = true;
            }

            if (loops.Count == 0 && otherwise.Count == 1 && otherwise[0] is Return && kept is null)
            {
                // A void method that ends after the loop either way: no need to ask whether the loop returned.
                target.Add(otherwise[0]);
                return true;
            }

            target.Add(new If(new Variable(Returned(), ScalarType.Boolean), returning.ToEquatableArray(), otherwise.ToEquatableArray()));
            return loops.Count == 0 || returns;
        }

        /// <summary>
        /// True for a return, a break or continue of the innermost loop, or a break of a switch whose section is being
        /// parsed (one that <paramref name="after"/> leads to), anywhere inside <paramref name="operation"/>.
        /// </summary>
        private bool ContainsExit(IOperation operation, Continuation? after) =>
            operation.DescendantsAndSelf().Any(o => o is IReturnOperation
                || (o is IBranchOperation branch && ((loops.Count > 0 && IsExitOf(branch, loops.Peek())) || SwitchExit(after, branch) is not null)));

        /// <summary>The continuation a break of a switch statement goes to, found among <paramref name="after"/> and those after it.</summary>
        private static Continuation? SwitchExit(Continuation? after, IBranchOperation branch)
        {
            for (Continuation? frame = after; frame is not null; frame = frame.Next)
            {
                if (frame.SwitchExit is not null && SymbolEqualityComparer.Default.Equals(frame.SwitchExit, branch.Target))
                {
                    return frame;
                }
            }

            return null;
        }

        /// <summary>
        /// From an if that may return, to the end of the sequence, where copying what follows into each path that falls through would
        /// double it (both sides fall through) or nest it ever deeper (one early return after another): a return sets a flag and keeps
        /// its value, and the statements after each such if run in a block of their own while the flag is clear. The code stays linear
        /// in the source and two blocks deep, however many such ifs follow each other. Returns true when the sequence returned.
        /// </summary>
        private bool ParseWithReturnFlag(IReadOnlyList<IOperation> operations, int start, List<Statement> target)
        {
            bool outermost = returnFlagRegions == 0;
            // The locals this sequence declares are read across its guarded blocks: each is declared once, before the first.
            var ahead = new List<ILocalSymbol>();
            foreach (ILocalSymbol local in operations.Skip(start).OfType<IVariableDeclarationGroupOperation>().SelectMany(g => g.Declarations)
                .SelectMany(d => d.Declarators).Select(d => d.Symbol))
            {
                if (!local.IsConst && !declaredAhead.Contains(local) && KnownSymbols.ToScalarType(local.Type) is { } type)
                {
                    target.Add(Placeholder(Declare(local), type));
                    declaredAhead.Add(local);
                    ahead.Add(local);
                }
            }

            returnFlagRegions++;
            List<Statement> block = target;
            ActivityAnalysis.State? beforeBlock = null;
            try
            {
                for (int i = start; i < operations.Count;)
                {
                    // The statements up to the next if that may return, then that if.
                    int next = i;
                    while (next < operations.Count && !(operations[next] is IConditionalOperation { Type: null } exit && ContainsExit(exit, null)))
                    {
                        next++;
                    }

                    if (ParseSequence(operations.Skip(i).Take(next - i).ToList(), 0, block, after: null) || next == operations.Count)
                    {
                        break;
                    }

                    ParseIf((IConditionalOperation)operations[next], block, after: null);
                    i = next + 1;
                    if (i < operations.Count)
                    {
                        CloseGuardedBlock(target, block, beforeBlock);
                        (block, beforeBlock) = (new List<Statement>(), activity.Save());
                    }
                }

                CloseGuardedBlock(target, block, beforeBlock);
            }
            finally
            {
                returnFlagRegions--;
                declaredAhead.ExceptWith(ahead);
            }

            if (outermost)
            {
                target.Add(new Return(new Variable(ReturnValue(), ScalarType.Double)));
            }

            return outermost;
        }

        /// <summary>
        /// Whether what a flag region would hold fits it: no loop or switch that returns (their own exits return for real) and no local
        /// array (declared where it is, it could not be read across the guarded blocks).
        /// </summary>
        private static bool FlagModeFits(IReadOnlyList<IOperation> operations, int start) =>
            !operations.Skip(start).SelectMany(o => o.DescendantsAndSelf()).Any(o => (o is ILoopOperation || o is ISwitchOperation)
                && o.Descendants().Any(r => r is IReturnOperation) || o is IVariableDeclaratorOperation { Symbol.Type: IArrayTypeSymbol });

        /// <summary>Adds a block that runs only while no return has run (none for the first, which always runs); it may not run at all.</summary>
        private void CloseGuardedBlock(List<Statement> target, List<Statement> block, ActivityAnalysis.State? before)
        {
            if (before is not { } skipped)
            {
                return;
            }

            target.Add(new If(new Unary(UnaryOperator.Not, new Variable(Returned(), ScalarType.Boolean), ScalarType.Boolean),
                block.ToEquatableArray(), EquatableArray<Statement>.Empty));
            activity.Restore(ActivityAnalysis.State.Union(skipped, activity.Save()));
        }

        /// <summary>Whether both sides of an if may go on to what follows it (a missing else does).</summary>
        private static bool BothBranchesFallThrough(IConditionalOperation branch) =>
            FallsThrough(branch.WhenTrue) && (branch.WhenFalse is null || FallsThrough(branch.WhenFalse));

        private static bool FallsThrough(IOperation statement) =>
            statement.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax syntax
            && statement.SemanticModel?.AnalyzeControlFlow(syntax) is { Succeeded: true, EndPointIsReachable: true };

        /// <summary>Parses an if statement; both sides continue with <paramref name="after"/> when they fall through.</summary>
        private void ParseIf(IConditionalOperation branch, List<Statement> target, Continuation? after)
        {
            // Only an if that copies what follows it counts: the copies are what could grow.
            if (after is not null && ++copiedStatements > MaximumCopiedStatements)
            {
                Unsupported(branch, DiagnosticDescriptors.UnsupportedStatement, "if statement", TooManyCopies);
                return;
            }

            if (after is not null)
            {
                copyNesting++;
            }

            try
            {
                ParseIfBranches(branch, target, after);
            }
            finally
            {
                if (after is not null)
                {
                    copyNesting--;
                }
            }
        }

        private void ParseIfBranches(IConditionalOperation branch, List<Statement> target, Continuation? after)
        {
            Expr? condition = ParseWithEmbedded(branch.Condition, branch.Condition, target);
            ActivityAnalysis.State before = activity.Save();
            var whenTrue = new List<Statement>();
            ParseSequence(Flatten(branch.WhenTrue), 0, whenTrue, after);
            ActivityAnalysis.State afterTrue = activity.Save();
            activity.Restore(before);
            var whenFalse = new List<Statement>();
            ParseSequence(branch.WhenFalse is { } otherwise ? Flatten(otherwise) : Array.Empty<IOperation>(), 0, whenFalse, after);
            activity.Restore(ActivityAnalysis.State.Union(afterTrue, activity.Save()));
            if (condition is not null)
            {
                target.Add(new If(condition, whenTrue.ToEquatableArray(), whenFalse.ToEquatableArray()));
            }
        }

        /// <summary>The statements that run after a block falls through: the rest of each enclosing block.</summary>
        private sealed class Continuation
        {
            public Continuation(IReadOnlyList<IOperation> operations, int start, Continuation? next, bool isLoopBottom = false,
                IReadOnlyList<Statement>? prologue = null, ILabelSymbol? switchExit = null, bool isMethodEnd = false,
                IReadOnlyList<Statement>? epilogue = null)
            {
                Epilogue = epilogue ?? Array.Empty<Statement>();
                IsMethodEnd = isMethodEnd;
                Operations = operations;
                Start = start;
                Next = next;
                IsLoopBottom = isLoopBottom;
                Prologue = prologue ?? Array.Empty<Statement>();
                SwitchExit = switchExit;
            }

            public IReadOnlyList<IOperation> Operations { get; }

            public int Start { get; }

            public Continuation? Next { get; }

            /// <summary>True for the end of a loop body (a for loop's increment), where a continue goes.</summary>
            public bool IsLoopBottom { get; }

            /// <summary>Statements that come before the operations (a foreach's index increment).</summary>
            public IReadOnlyList<Statement> Prologue { get; }

            /// <summary>Statements that come after the operations (the assignments inside a loop's condition, before its next test).</summary>
            public IReadOnlyList<Statement> Epilogue { get; }

            /// <summary>The exit label of the switch statement whose breaks go here; null for any other continuation.</summary>
            public ILabelSymbol? SwitchExit { get; }

            /// <summary>True for the end of a void method's body, where falling off returns.</summary>
            public bool IsMethodEnd { get; }
        }
    }
}
