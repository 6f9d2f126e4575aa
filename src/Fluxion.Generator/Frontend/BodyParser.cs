using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Turns a method body (as Roslyn operations) into the intermediate form. Everything it cannot
    /// translate faithfully becomes a diagnostic on that exact node; code the compiler itself rejects
    /// (errors, unresolved names) ends the parse silently, since the compiler already reports it.
    /// </summary>
    internal sealed partial class BodyParser
    {
        private readonly Compilation compilation;
        private readonly ActivityAnalysis activity;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<ISymbol, string> names = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> usedNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<IMethodSymbol, string?> calleeProblems = new Dictionary<IMethodSymbol, string?>(SymbolEqualityComparer.Default);
        private readonly Stack<LoopContext> loops = new Stack<LoopContext>();

        /// <summary>The local arrays declared so far, with their element types.</summary>
        private readonly Dictionary<ILocalSymbol, ScalarType> localArrays = new Dictionary<ILocalSymbol, ScalarType>(SymbolEqualityComparer.Default);

        /// <summary>Where each local array has an element written in the method, collected the first time a call needs it.</summary>
        private ILookup<ISymbol?, SyntaxNode>? elementWrites;

        /// <summary>The local arrays declared inside a loop: a new array each iteration, which the backward sweep no longer has.</summary>
        private readonly HashSet<ILocalSymbol> arraysCreatedInLoops = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Locals of a switch block that the parser declares before its chain of ifs (see <see cref="DeclareSharedLocals"/>).</summary>
        private readonly HashSet<ILocalSymbol> declaredAhead = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        private string? returnValue;
        private string? returned;

        /// <summary>The switch expression that makes up the value being parsed, and the local its tested value was stored in.</summary>
        private (ISwitchExpressionOperation Choice, Variable Value)? storedSwitchValue;

        /// <summary>How deep an expression may nest; deeper ones get FLX0006 (and would exhaust the stack of later stages).</summary>
        public const int MaximumDepth = 200;

        /// <summary>The depth from which a long chain is parsed along its left side, its values so far kept in locals (see ParseChain).</summary>
        private const int ChainSplitDepth = MaximumDepth / 2;

        /// <summary>How many operators of a long chain one local holds.</summary>
        private const int ChainLinksPerLocal = 50;

        private const string TooDeep = "it is nested more than ";

        private int depth;

        /// <summary>How many ifs whose following statements are copied a method may parse (a switch counts one per section tested).</summary>
        private const int MaximumCopiedStatements = 2000;

        private const string TooManyCopies = "the early returns around it need too many copies of the statements after them; restructure with if/else";

        private int copiedStatements;

        /// <summary>How many copies of what follows an if the statement being parsed is nested in.</summary>
        private int copyNesting;

        /// <summary>From this many nested copies on, an if that may return sets a flag instead (see ParseWithReturnFlag).</summary>
        private const int MaximumCopyNesting = 16;

        /// <summary>Above zero where a return sets a flag and keeps its value rather than returning (see ParseWithReturnFlag).</summary>
        private int returnFlagRegions;

        /// <summary>The derivative methods the method asks for: each of its [Differentiable] callees must generate them too.</summary>
        private readonly DerivativeKinds requested;

        private readonly string methodName;

        /// <summary>A vector-valued method's output span, whose elements it writes; null for a method that returns its value.</summary>
        private readonly IParameterSymbol? output;

        public BodyParser(Compilation compilation, IMethodSymbol method, DerivativeKinds requested, ActivityAnalysis activity,
            CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            output = KnownSymbols.OutputParameter(method);
            this.requested = requested;
            methodName = method.Name;
            this.activity = activity;
            this.cancellationToken = cancellationToken;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                names[parameter] = parameter.Name;
                usedNames.Add(parameter.Name);
            }
        }

        public List<DiagnosticInfo> Diagnostics { get; } = new List<DiagnosticInfo>();

        /// <summary>The calls of <c>[Differentiable]</c> methods of this compilation: they need those gradients to exist.</summary>
        public List<LocatedCall> CallSites { get; } = new List<LocatedCall>();

        /// <summary>True when the body has compiler errors; the parse is then abandoned without diagnostics.</summary>
        public bool HasCompilerErrors { get; private set; }

        /// <summary>True when a kept effect passes a <c>[CallerLineNumber]</c> argument: the model holds the method's line numbers.</summary>
        public bool WritesLineNumbers { get; private set; }

        public EquatableArray<Statement> Parse(IBlockOperation body)
        {
            var statements = new List<Statement>();
            // A void method may end without a return: the end of the method is then where every path goes last.
            Continuation? methodEnd = output is null ? null : new Continuation(Array.Empty<IOperation>(), 0, null, isMethodEnd: true);
            bool returns = ParseSequence(Flatten(body), 0, statements, methodEnd);
            if (returned is not null && !Reads(statements, returned))
            {
                // A void method that ends after its loop either way never asks whether the loop returned.
                statements = WithoutAssignmentsTo(statements, returned);
            }
            else if (returned is not null)
            {
                // A return inside a loop keeps its value here (a void method's has none); both start out unset.
                statements.Insert(0, new Assignment(returned, ScalarType.Boolean, new BooleanConstant(false), Declares: true));
                if (returnValue is not null)
                {
                    statements.Insert(0, new Assignment(returnValue, ScalarType.Double, Constant.Zero, Declares: true));
                }
            }

            if (Diagnostics.Count > 1)
            {
                // Statements copied after early returns are parsed more than once; report each problem once.
                var distinct = Diagnostics.Distinct().ToList();
                Diagnostics.Clear();
                Diagnostics.AddRange(distinct);
            }

            if (returns && !HasCompilerErrors && Diagnostics.Count == 0 && !StatementTree.AllStatements(statements).Any(statement => statement is Return))
            {
                IOperation thrown = body.Descendants().First(o => o is IThrowOperation);
                Unsupported(thrown, DiagnosticDescriptors.UnsupportedStatement, "throw statement",
                    "every path of the method throws: it has no value to differentiate");
            }

            if (!returns && !HasCompilerErrors && Diagnostics.Count == 0)
            {
                // A path without a return is a compiler error (or ends in a throw, reported already).
                HasCompilerErrors = true;
            }

            return statements.ToEquatableArray();
        }

        /// <summary>
        /// Parses <paramref name="operations"/> from <paramref name="start"/> into <paramref name="target"/>, then, when
        /// the path falls off their end, the statements of <paramref name="after"/>; returns true when every path
        /// ends in a return.
        /// </summary>
        private bool ParseSequence(IReadOnlyList<IOperation> operations, int start, List<Statement> target, Continuation? after = null)
        {
            for (int i = start; i < operations.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (HasCompilerErrors)
                {
                    return true;
                }

                switch (operations[i])
                {
                    case IReturnOperation inLoop when loops.Count > 0 || returnFlagRegions > 0:
                        // A return inside a loop keeps the value, stops every enclosing loop, and returns after them; so does
                        // one in a region where returns set a flag (see ParseWithReturnFlag). (A void method's return keeps no value.)
                        Expr? keptValue = inLoop.ReturnedValue is null ? null : ParseValue(inLoop.ReturnedValue, target);
                        if (inLoop.ReturnedValue is null || keptValue is not null)
                        {
                            if (keptValue is not null)
                            {
                                target.Add(new Assignment(ReturnValue(), ScalarType.Double, keptValue, Declares: false));
                            }

                            target.Add(new Assignment(Returned(), ScalarType.Boolean, new BooleanConstant(true), Declares: false));
                            target.AddRange(loops.Select(l => new Assignment(l.Running!, ScalarType.Boolean, new BooleanConstant(false), Declares: false)));
                        }

                        if (loops.Count == 0)
                        {
                            ReportUnreachable(operations, i + 1);
                        }

                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } exit when loops.Count > 0 && IsExitOf(exit, loops.Peek()):
                        target.Add(new Assignment(loops.Peek().Running!, ScalarType.Boolean, new BooleanConstant(false), Declares: false));
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } leave when SwitchExit(after, leave) is { } end:
                        return Enter(end, target);
                    case IBranchOperation { BranchKind: BranchKind.Continue } next when loops.Count > 0 && IsExitOf(next, loops.Peek()):
                        // The rest of the body is skipped; the loop's own increment still runs.
                        for (Continuation? frame = after; frame is not null; frame = frame.Next)
                        {
                            if (frame.IsLoopBottom)
                            {
                                return Enter(frame, target);
                            }
                        }

                        return true;
                    case IThrowOperation thrown:
                        // The gradient throws where the method does; nothing after the throw runs.
                        ParseEffect(thrown, target);
                        ReportUnreachable(operations, i + 1);
                        return true;
                    case IReturnOperation returnOperation:
                        if (returnOperation.ReturnedValue is null)
                        {
                            target.Add(new Return(null));
                        }
                        else if (ParseValue(returnOperation.ReturnedValue, target) is { } returned)
                        {
                            target.Add(new Return(returned));
                        }

                        ReportUnreachable(operations, i + 1);
                        return true;
                    case IConditionalOperation { Type: null } branch when loops.Count == 0 && after is null && ContainsExit(branch, after)
                        && (returnFlagRegions > 0 || copyNesting >= MaximumCopyNesting || BothBranchesFallThrough(branch)) && FlagModeFits(operations, i):
                        return ParseWithReturnFlag(operations, i, target);
                    case IConditionalOperation { Type: null } branch when ContainsExit(branch, after):
                        // A return (or a break or continue of this loop, or a break of this switch) somewhere inside: what
                        // follows the if runs only on the paths that fall through, so each of those paths gets its own copy of it.
                        ParseIf(branch, target, new Continuation(operations, i + 1, after));
                        return true;
                    case IConditionalOperation { Type: null } branch:
                        ParseIf(branch, target, after: null);
                        break;
                    case ISwitchOperation choice when ContainsExit(choice, after):
                        // A return or a continue inside: as after an if, each section that breaks gets its own copy of what follows.
                        ParseSwitch(choice, target, new Continuation(operations, i + 1, after, switchExit: choice.ExitLabel));
                        return true;
                    case ISwitchOperation choice:
                        // Every section ends in a break: all of them go on with what follows the switch.
                        ParseSwitch(choice, target, new Continuation(Array.Empty<IOperation>(), 0, null, switchExit: choice.ExitLabel));
                        break;
                    case IForLoopOperation { Condition: { } condition } forLoop:
                        foreach (IOperation initializer in forLoop.Before)
                        {
                            ParseStatement(initializer, target);
                        }

                        if (ParseLoop(forLoop, ParseLoopCondition, condition, Array.Empty<Statement>(), Flatten(forLoop.Body),
                            Array.Empty<Statement>(), forLoop.AtLoopBottom, testsFirst: true, target))
                        {
                            return ReturnAfterLoop(operations, i + 1, target, after);
                        }

                        break;
                    case IWhileLoopOperation { Condition: { } condition, ConditionIsUntil: false } whileLoop:
                        if (ParseLoop(whileLoop, ParseLoopCondition, condition, Array.Empty<Statement>(), Flatten(whileLoop.Body),
                            Array.Empty<Statement>(), Array.Empty<IOperation>(), whileLoop.ConditionIsTop, target))
                        {
                            return ReturnAfterLoop(operations, i + 1, target, after);
                        }

                        break;
                    case IForEachLoopOperation { Collection: var collection, LoopControlVariable: IVariableDeclaratorOperation { Symbol: { } element } } forEach
                        when ForEachSequence(collection) is var (sequence, elementType, isActive):
                        if (ParseForEach(forEach, sequence, isActive, element, elementType, target))
                        {
                            return ReturnAfterLoop(operations, i + 1, target, after);
                        }

                        break;
                    default:
                        ParseStatement(operations[i], target);
                        break;
                }
            }

            return after is not null && Enter(after, target);
        }

        /// <summary>Falls through into a continuation: its first statements, its operations, then what follows it.</summary>
        private bool Enter(Continuation frame, List<Statement> target)
        {
            if (frame.IsMethodEnd)
            {
                target.Add(new Return(null));
                return true;
            }

            target.AddRange(frame.Prologue);
            bool returns = ParseSequence(frame.Operations, frame.Start, target, frame.Next);
            target.AddRange(frame.Epilogue);
            return returns;
        }

        /// <summary>
        /// Parses a loop. The body is parsed once, from the activity that holds at the top of every iteration:
        /// what is active on entry plus whatever the body makes active, found by iterating to a fixed point.
        /// A break (or a return) clears a flag the loop condition tests first; a continue skips to the loop's
        /// own increment. Returns true when a return inside the loop may have ended the method.
        /// </summary>
        /// <param name="bottom">The increment of a for loop, which runs after the body and after a continue.</param>
        /// <param name="first">Statements the body starts with (the element of a foreach).</param>
        /// <param name="advance">Statements that end each iteration, before <paramref name="bottom"/> (the index of a foreach).</param>
        private bool ParseLoop(ILoopOperation loop, Func<IOperation, List<Statement>, Expr?> parseCondition, IOperation condition,
            IReadOnlyList<Statement> first, IReadOnlyList<IOperation> body, IReadOnlyList<Statement> advance, IReadOnlyList<IOperation> bottom,
            bool testsFirst, List<Statement> target)
        {
            ActivityAnalysis.State top = activity.Save();
            while (true)
            {
                activity.Restore(top);
                activity.AssignAll(loop.DescendantsAndSelf());
                ActivityAnalysis.State next = ActivityAnalysis.State.Union(top, activity.Save());
                if (next.Active.SetEquals(top.Active))
                {
                    break;
                }

                top = next;
            }

            activity.Restore(top);
            bool returns = loop.Body.DescendantsAndSelf().Any(o => o is IReturnOperation);
            bool stops = returns || loop.Body.DescendantsAndSelf().Any(o => o is IBranchOperation { BranchKind: BranchKind.Break } exit
                && SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel));
            var context = new LoopContext(loop, stops ? Fresh("running") : null);
            if (context.Running is not null)
            {
                target.Add(new Assignment(context.Running, ScalarType.Boolean, new BooleanConstant(true), Declares: true));
            }

            var setup = new List<Statement>();
            Expr? loopCondition = parseCondition(condition, setup);
            (List<Statement> beforeLoop, List<Statement> eachIteration) = ConditionSetup(setup, testsFirst);
            target.AddRange(beforeLoop);
            var statements = new List<Statement>(first);
            loops.Push(context);
            ParseSequence(body, 0, statements, new Continuation(bottom, 0, null, isLoopBottom: true, advance, epilogue: eachIteration));
            loops.Pop();
            if (EndsInThrow(statements))
            {
                Unsupported(loop, DiagnosticDescriptors.UnsupportedStatement, DescribeStatement(loop),
                    "every path through its body throws, so it never runs twice; throw before the loop, under the loop's condition");
            }

            activity.Restore(ActivityAnalysis.State.Union(top, activity.Save()));
            if (loopCondition is not null)
            {
                Expr test = context.Running is null ? loopCondition : new Binary(BinaryOperator.And, new Variable(context.Running,
                    ScalarType.Boolean), loopCondition, ScalarType.Boolean);
                target.Add(new Loop(test, statements.ToEquatableArray(), testsFirst));
            }

            return returns;
        }

        /// <summary><c>foreach (var v in p)</c> over an array or span parameter: a loop over its indices.</summary>
        /// <summary>The array a foreach can loop over by index: an array or span parameter, or a local array.</summary>
        private (string Name, ScalarType Element, bool IsActive)? ForEachSequence(IOperation collection) => Unwrap(collection) switch
        {
            IParameterReferenceOperation parameter when KnownSymbols.ToSequence(parameter.Type) is var (_, element)
                && names.TryGetValue(parameter.Parameter, out string? name) =>
                (name, element, activity.IsActiveSequence(parameter.Parameter)),
            ILocalReferenceOperation local when localArrays.TryGetValue(local.Local, out ScalarType element) =>
                (names[local.Local], element, activity.IsActiveArray(local.Local)),
            _ => null,
        };

        private bool ParseForEach(IForEachLoopOperation forEach, string array, bool isActive, ILocalSymbol element, ScalarType elementType,
            List<Statement> target)
        {
            string index = Fresh("index");
            var position = new Variable(index, ScalarType.Int32);
            target.Add(new Assignment(index, ScalarType.Int32, new IntegerConstant(0, ScalarType.Int32), Declares: true));
            if (isActive)
            {
                activity.Assign(element, valueIsActive: true, combinesWithOldValue: false);
            }

            var read = new Assignment(Declare(element), elementType, new ElementRead(array, position, elementType), Declares: true);
            var advance = new Assignment(index, ScalarType.Int32, new Binary(BinaryOperator.Add, position, new IntegerConstant(1, ScalarType.Int32),
                ScalarType.Int32), Declares: false);
            var condition = new Binary(BinaryOperator.Less, position, new SequenceLength(array), ScalarType.Boolean);
            return ParseLoop(forEach, (_, _) => condition, forEach.Collection, new[] { read }, Flatten(forEach.Body), new[] { advance },
                Array.Empty<IOperation>(), testsFirst: true, target);
        }

        /// <summary>A loop's condition; the assignments inside it go to <paramref name="setup"/>, to run before each test.</summary>
        private Expr? ParseLoopCondition(IOperation condition, List<Statement> setup) => ParseWithEmbedded(condition, condition, setup);

        /// <summary>True when every path through <paramref name="block"/> ends in a throw.</summary>
        private static bool EndsInThrow(IReadOnlyList<Statement> block) => block.Count > 0 && block[block.Count - 1] switch
        {
            Effect { Code.Throws: true } => true,
            If branch => EndsInThrow(branch.Then) && EndsInThrow(branch.Else),
            _ => false,
        };

        private static bool IsExitOf(IBranchOperation branch, LoopContext loop) =>
            SymbolEqualityComparer.Default.Equals(branch.Target, loop.Loop.ExitLabel) || SymbolEqualityComparer.Default.Equals(branch.Target,
                loop.Loop.ContinueLabel);

        private static IOperation Unwrap(IOperation operation) => operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

        /// <summary>The local that keeps a value returned inside a loop (declared at the start of the method).</summary>
        private string ReturnValue() => returnValue ??= Fresh("returnValue");

        /// <summary>The flag set when a return inside a loop ran.</summary>
        private string Returned() => returned ??= Fresh("returned");

        /// <summary>A name for a local the parser adds, unique in the method.</summary>
        private string Fresh(string preferred)
        {
            string name = preferred;
            for (int suffix = 2; !usedNames.Add(name); suffix++)
            {
                name = preferred + "_" + suffix;
            }

            return name;
        }

        /// <summary>A loop being parsed, and the flag its breaks clear (null when it has none).</summary>
        private sealed record LoopContext(ILoopOperation Loop, string? Running);

        private void ReportUnreachable(IReadOnlyList<IOperation> operations, int start)
        {
            IOperation? unreachable = operations.Skip(start).FirstOrDefault(o => o is not IEmptyOperation);
            if (unreachable is not null && !HasCompilerErrors)
            {
                Unsupported(unreachable, DiagnosticDescriptors.UnsupportedStatement, "statement after return", "it is unreachable; remove it");
            }
        }

        /// <summary>The statements of a block, with nested plain blocks opened (locals have unique names already).</summary>
        private static IReadOnlyList<IOperation> Flatten(IOperation statement)
        {
            var flat = new List<IOperation>();
            void Add(IOperation operation)
            {
                // Braces of a method, an if, an else or a nested block; unsafe and checked blocks are reported instead.
                if (operation is IBlockOperation plain && (operation.Syntax is not BlockSyntax block
                    || block.Parent is BlockSyntax or IfStatementSyntax or ElseClauseSyntax or MethodDeclarationSyntax or ForStatementSyntax
                        or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchSectionSyntax))
                {
                    foreach (IOperation inner in plain.Operations)
                    {
                        Add(inner);
                    }
                }
                else
                {
                    flat.Add(operation);
                }
            }

            Add(statement);
            return flat;
        }
    }
}
