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

        private const string TooDeep = "it is nested more than ";

        private int depth;

        /// <summary>How many if statements a method may parse, copies for early returns included (a switch counts one per section tested).</summary>
        private const int MaximumCopiedStatements = 2000;

        private const string TooManyCopies = "the early returns around it need too many copies of the statements after them; restructure with if/else";

        private int copiedStatements;

        /// <summary>The derivative methods the method asks for: each of its [Differentiable] callees must generate them too.</summary>
        private readonly DerivativeKinds requested;

        public BodyParser(Compilation compilation, IMethodSymbol method, DerivativeKinds requested, ActivityAnalysis activity, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.requested = requested;
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
        public List<CallSite> CallSites { get; } = new List<CallSite>();

        /// <summary>True when the body has compiler errors; the parse is then abandoned without diagnostics.</summary>
        public bool HasCompilerErrors { get; private set; }

        public EquatableArray<Statement> Parse(IBlockOperation body)
        {
            var statements = new List<Statement>();
            bool returns = ParseSequence(Flatten(body), 0, statements);
            if (returned is not null)
            {
                // A return inside a loop keeps its value here; both start out unset.
                statements.Insert(0, new Assignment(returned, ScalarType.Boolean, new BooleanConstant(false), Declares: true));
                statements.Insert(0, new Assignment(ReturnValue(), ScalarType.Double, Constant.Zero, Declares: true));
            }

            if (Diagnostics.Count > 1)
            {
                // Statements copied after early returns are parsed more than once; report each problem once.
                var distinct = Diagnostics.Distinct().ToList();
                Diagnostics.Clear();
                Diagnostics.AddRange(distinct);
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
                    case IReturnOperation { ReturnedValue: { } inLoop } when loops.Count > 0:
                        // A return inside a loop keeps the value, stops every enclosing loop, and returns after them.
                        if (ParseValue(inLoop, target) is { } kept)
                        {
                            target.Add(new Assignment(ReturnValue(), ScalarType.Double, kept, Declares: false));
                            target.Add(new Assignment(Returned(), ScalarType.Boolean, new BooleanConstant(true), Declares: false));
                            target.AddRange(loops.Select(l => new Assignment(l.Running!, ScalarType.Boolean, new BooleanConstant(false), Declares: false)));
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
                    case IReturnOperation { ReturnedValue: { } value }:
                        if (ParseValue(value, target) is { } returned)
                        {
                            target.Add(new Return(returned));
                        }

                        ReportUnreachable(operations, i + 1);
                        return true;
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

                        if (ParseLoop(forLoop, TryParseExpression, condition, Array.Empty<Statement>(), Flatten(forLoop.Body), Array.Empty<Statement>(), forLoop.AtLoopBottom, testsFirst: true, target))
                        {
                            return ReturnAfterLoop(operations, i + 1, target, after);
                        }

                        break;
                    case IWhileLoopOperation { Condition: { } condition, ConditionIsUntil: false } whileLoop:
                        if (ParseLoop(whileLoop, TryParseExpression, condition, Array.Empty<Statement>(), Flatten(whileLoop.Body), Array.Empty<Statement>(), Array.Empty<IOperation>(), whileLoop.ConditionIsTop, target))
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
            target.AddRange(frame.Prologue);
            return ParseSequence(frame.Operations, frame.Start, target, frame.Next);
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
        private bool ParseLoop(ILoopOperation loop, Func<IOperation, Expr?> parseCondition, IOperation condition, IReadOnlyList<Statement> first, IReadOnlyList<IOperation> body, IReadOnlyList<Statement> advance, IReadOnlyList<IOperation> bottom, bool testsFirst, List<Statement> target)
        {
            ActivityAnalysis.State top = activity.Save();
            while (true)
            {
                activity.Restore(top);
                activity.AssignAll(loop.Descendants());
                ActivityAnalysis.State next = ActivityAnalysis.State.Union(top, activity.Save());
                if (next.Active.SetEquals(top.Active))
                {
                    break;
                }

                top = next;
            }

            activity.Restore(top);
            bool returns = loop.Body.DescendantsAndSelf().Any(o => o is IReturnOperation);
            bool stops = returns || loop.Body.DescendantsAndSelf().Any(o => o is IBranchOperation { BranchKind: BranchKind.Break } exit && SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel));
            var context = new LoopContext(loop, stops ? Fresh("running") : null);
            if (context.Running is not null)
            {
                target.Add(new Assignment(context.Running, ScalarType.Boolean, new BooleanConstant(true), Declares: true));
            }

            Expr? loopCondition = parseCondition(condition);
            var statements = new List<Statement>(first);
            loops.Push(context);
            ParseSequence(body, 0, statements, new Continuation(bottom, 0, null, isLoopBottom: true, advance));
            loops.Pop();
            activity.Restore(ActivityAnalysis.State.Union(top, activity.Save()));
            if (loopCondition is not null)
            {
                Expr test = context.Running is null ? loopCondition : new Binary(BinaryOperator.And, new Variable(context.Running, ScalarType.Boolean), loopCondition, ScalarType.Boolean);
                target.Add(new Loop(test, statements.ToEquatableArray(), testsFirst));
            }

            return returns;
        }

        /// <summary><c>foreach (var v in p)</c> over an array or span parameter: a loop over its indices.</summary>
        /// <summary>The array a foreach can loop over by index: an array or span parameter, or a local array.</summary>
        private (string Name, ScalarType Element, bool IsActive)? ForEachSequence(IOperation collection) => Unwrap(collection) switch
        {
            IParameterReferenceOperation parameter when KnownSymbols.ToSequence(parameter.Type) is var (_, element) && names.TryGetValue(parameter.Parameter, out string? name) =>
                (name, element, activity.IsActiveSequence(parameter.Parameter)),
            ILocalReferenceOperation local when localArrays.TryGetValue(local.Local, out ScalarType element) =>
                (names[local.Local], element, activity.IsActiveArray(local.Local)),
            _ => null,
        };

        private bool ParseForEach(IForEachLoopOperation forEach, string array, bool isActive, ILocalSymbol element, ScalarType elementType, List<Statement> target)
        {
            string index = Fresh("index");
            var position = new Variable(index, ScalarType.Int32);
            target.Add(new Assignment(index, ScalarType.Int32, new IntegerConstant(0, ScalarType.Int32), Declares: true));
            if (isActive)
            {
                activity.Assign(element, valueIsActive: true, combinesWithOldValue: false);
            }

            var read = new Assignment(Declare(element), elementType, new ElementRead(array, position, elementType), Declares: true);
            var advance = new Assignment(index, ScalarType.Int32, new Binary(BinaryOperator.Add, position, new IntegerConstant(1, ScalarType.Int32), ScalarType.Int32), Declares: false);
            var condition = new Binary(BinaryOperator.Less, position, new SequenceLength(array), ScalarType.Boolean);
            return ParseLoop(forEach, _ => condition, forEach.Collection, new[] { read }, Flatten(forEach.Body), new[] { advance }, Array.Empty<IOperation>(), testsFirst: true, target);
        }

        /// <summary>After a loop that may have returned: return the kept value, or go on with what follows.</summary>
        private bool ReturnAfterLoop(IReadOnlyList<IOperation> operations, int rest, List<Statement> target, Continuation? after)
        {
            var otherwise = new List<Statement>();
            bool returns = ParseSequence(operations, rest, otherwise, after);
            var returning = loops.Count == 0
                ? new List<Statement> { new Return(new Variable(ReturnValue(), ScalarType.Double)) }
                : new List<Statement>();
            if (loops.Count == 0 && !returns)
            {
                // The compiler let the method end here only because the loop never exits without returning
                // (while (true) { … return …; }): that path returns the kept value too.
                otherwise.Add(new Return(new Variable(ReturnValue(), ScalarType.Double)));
                returns = true;
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

        private static bool IsExitOf(IBranchOperation branch, LoopContext loop) =>
            SymbolEqualityComparer.Default.Equals(branch.Target, loop.Loop.ExitLabel) || SymbolEqualityComparer.Default.Equals(branch.Target, loop.Loop.ContinueLabel);

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

        /// <summary>Parses an if statement; both sides continue with <paramref name="after"/> when they fall through.</summary>
        private void ParseIf(IConditionalOperation branch, List<Statement> target, Continuation? after)
        {
            if (++copiedStatements > MaximumCopiedStatements)
            {
                Unsupported(branch, DiagnosticDescriptors.UnsupportedStatement, "if statement", TooManyCopies);
                return;
            }

            Expr? condition = TryParseExpression(branch.Condition);
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
            public Continuation(IReadOnlyList<IOperation> operations, int start, Continuation? next, bool isLoopBottom = false, IReadOnlyList<Statement>? prologue = null, ILabelSymbol? switchExit = null)
            {
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

            /// <summary>The exit label of the switch statement whose breaks go here; null for any other continuation.</summary>
            public ILabelSymbol? SwitchExit { get; }
        }

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
                if (operation is IBlockOperation plain && (operation.Syntax is not BlockSyntax block || block.Parent is BlockSyntax or IfStatementSyntax or ElseClauseSyntax or MethodDeclarationSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchSectionSyntax))
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

        private void ParseStatement(IOperation statement, List<Statement> target)
        {
            switch (statement)
            {
                case IEmptyOperation:
                    break;
                case IVariableDeclarationGroupOperation group:
                    foreach (IVariableDeclarationOperation declaration in group.Declarations)
                    {
                        foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                        {
                            ParseDeclarator(declarator, target);
                        }
                    }

                    break;
                case IExpressionStatementOperation expressionStatement:
                    ParseExpressionStatement(expressionStatement, target);
                    break;
                case IInvalidOperation:
                    HasCompilerErrors = true;
                    break;
                default:
                    Unsupported(statement, DiagnosticDescriptors.UnsupportedStatement, DescribeStatement(statement), StatementAdvice(statement));
                    break;
            }
        }

        private void ParseDeclarator(IVariableDeclaratorOperation declarator, List<Statement> target)
        {
            ILocalSymbol local = declarator.Symbol;
            if (local.IsConst)
            {
                // Reads of a const local are folded to its value.
                return;
            }

            if (local.IsRef)
            {
                // A ref local is another name for an element or variable: writes through it would go unseen.
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "ref local '" + local.Name + "'", "ref locals are not supported; read the value into an ordinary local, and write the element itself");
                return;
            }

            if (local.Type is IArrayTypeSymbol)
            {
                ParseArrayDeclarator(declarator, target);
                return;
            }

            // A switch-block local shared by several sections already has its name and its declaration.
            bool ahead = declaredAhead.Contains(local);
            string name = ahead ? names[local] : Declare(local);
            ScalarType? type = KnownSymbols.ToScalarType(local.Type);
            if (type is null)
            {
                if (local.Type.TypeKind == TypeKind.Error)
                {
                    HasCompilerErrors = true;
                    return;
                }

                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'", "locals of type '" + local.Type.ToDisplayString() + "' are not supported; use double or an integer type");
                return;
            }

            IVariableInitializerOperation? initializer = declarator.Initializer;
            if (initializer is null)
            {
                if (!ahead)
                {
                    target.Add(Placeholder(name, type.Value));
                }
            }
            else if (ParseValue(initializer.Value, target) is { } value)
            {
                target.Add(new Assignment(name, type.Value, value, Declares: !ahead));
                activity.Assign(local, activity.IsActive(initializer.Value), combinesWithOldValue: false);
            }
        }

        /// <summary>
        /// <c>double[] a = new double[n];</c> (or with an initializer): a local array. Declared inside a loop, it is a new
        /// array in each iteration, with its own array of adjoints in that iteration's backward sweep.
        /// </summary>
        private void ParseArrayDeclarator(IVariableDeclaratorOperation declarator, List<Statement> target)
        {
            ILocalSymbol local = declarator.Symbol;
            if (KnownSymbols.ToSequence(local.Type) is not (SequenceKind.Array, var elementType))
            {
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'", "local arrays must be one-dimensional arrays of double or of an integer type");
                return;
            }

            // Even when the declaration is reported, its uses parse as a local array's: one diagnostic, not one per use.
            string name = Declare(local);
            localArrays[local] = elementType;
            if (loops.Count > 0)
            {
                arraysCreatedInLoops.Add(local);
            }
            if (declarator.Initializer?.Value is not IArrayCreationOperation { DimensionSizes.Length: 1 } creation)
            {
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'", "a local array must be created where it is declared, with new " + elementType.Keyword() + "[length] or an array initializer");
                return;
            }

            IReadOnlyList<IOperation> elements = (IReadOnlyList<IOperation>?)creation.Initializer?.ElementValues ?? Array.Empty<IOperation>();
            Expr? length = creation.Initializer is null ? TryParseExpression(creation.DimensionSizes[0]) : new IntegerConstant(elements.Count, ScalarType.Int32);
            var values = elements.Select(TryParseExpression).ToList();
            if (length is null || values.Any(v => v is null))
            {
                return;
            }

            target.Add(new ArrayDeclaration(name, elementType, length));
            for (int i = 0; i < values.Count; i++)
            {
                target.Add(new ElementAssignment(name, elementType, new IntegerConstant(i, ScalarType.Int32), values[i]!));
                activity.AssignElement(local, activity.IsActive(elements[i]));
            }
        }

        /// <summary><c>a[i] = v</c>, <c>a[i] op= v</c>, <c>a[i]++</c> on a local array.</summary>
        private void ParseElementAssignment(IArrayElementReferenceOperation element, IOperation? value, (BinaryOperator Operator, OverflowCheck Overflow)? compoundOperator, List<Statement> target)
        {
            if (element.Indices.Length != 1 || element.ArrayReference is not ILocalReferenceOperation { Local: var local } || !localArrays.TryGetValue(local, out ScalarType elementType))
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, element.Syntax.GetLocation(), element.Syntax.ToString()));
                return;
            }

            Expr? index = TryParseExpression(element.Indices[0]);
            Expr? right = value is null ? (elementType == ScalarType.Double ? Constant.One : new IntegerConstant(1, ScalarType.Int32)) : TryParseExpression(value);
            if (index is null || right is null)
            {
                return;
            }

            string name = names[local];
            if (compoundOperator is { } compound)
            {
                right = CompoundValue(new ElementRead(name, index, elementType), right, compound, value ?? element, "the element type of '" + name + "'");
                if (right is null)
                {
                    return;
                }
            }

            target.Add(new ElementAssignment(name, elementType, index, right));
            activity.AssignElement(local, value is not null && activity.IsActive(value));
        }

        /// <summary>
        /// The declaration of a local without a value. C# reads no local before it is assigned, so starting at zero is
        /// unobservable; it gives the local a version before any loop or branch that assigns it.
        /// </summary>
        private static Assignment Placeholder(string name, ScalarType type)
        {
            Expr zero = type == ScalarType.Double ? Constant.Zero : type == ScalarType.Boolean ? new BooleanConstant(false) : new IntegerConstant(0, type);
            return new Assignment(name, type, zero, Declares: true, IsPlaceholder: true);
        }

        private void ParseExpressionStatement(IExpressionStatementOperation statement, List<Statement> target)
        {
            switch (statement.Operation)
            {
                case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation element } assignment:
                    ParseElementAssignment(element, assignment.Value, null, target);
                    break;
                case ICompoundAssignmentOperation { Target: IArrayElementReferenceOperation element } compound when compound.OperatorMethod is null && BinaryOperatorOf(compound.OperatorKind) is { } elementOp && !IsComparison(elementOp) && elementOp is not (BinaryOperator.And or BinaryOperator.Or):
                    ParseElementAssignment(element, compound.Value, (elementOp, Overflow(compound.IsChecked)), target);
                    break;
                case IIncrementOrDecrementOperation { Target: IArrayElementReferenceOperation element } increment when increment.OperatorMethod is null:
                    ParseElementAssignment(element, null, (increment.Kind == OperationKind.Increment ? BinaryOperator.Add : BinaryOperator.Subtract, Overflow(increment.IsChecked)), target);
                    break;
                case ISimpleAssignmentOperation assignment:
                    ParseAssignment(assignment.Target, assignment.Value, null, target);
                    break;
                case ICompoundAssignmentOperation compound when compound.OperatorMethod is null && BinaryOperatorOf(compound.OperatorKind) is { } op && !IsComparison(op) && op is not (BinaryOperator.And or BinaryOperator.Or):
                    ParseAssignment(compound.Target, compound.Value, (op, Overflow(compound.IsChecked)), target);
                    break;
                case IIncrementOrDecrementOperation increment when increment.OperatorMethod is null:
                    ParseIncrement(increment, target);
                    break;
                case IInvalidOperation:
                    HasCompilerErrors = true;
                    break;
                default:
                    Unsupported(statement, DiagnosticDescriptors.UnsupportedStatement, DescribeStatement(statement), "only assignments to locals and parameters are allowed as statements");
                    break;
            }
        }

        private void ParseAssignment(IOperation assigned, IOperation value, (BinaryOperator Operator, OverflowCheck Overflow)? compoundOperator, List<Statement> target)
        {
            if (AssignmentTarget(assigned) is not { } written)
            {
                return;
            }

            (string name, ScalarType type, ISymbol symbol) = written;
            Expr? right = ParseValue(value, target);
            if (right is null)
            {
                return;
            }

            if (compoundOperator is { } compound)
            {
                right = CompoundValue(new Variable(name, type), right, compound, value, "the type of '" + name + "'");
                if (right is null)
                {
                    return;
                }
            }

            target.Add(new Assignment(name, type, right, Declares: false));
            activity.Assign(symbol, activity.IsActive(value), combinesWithOldValue: compoundOperator is not null);
        }

        private void ParseIncrement(IIncrementOrDecrementOperation increment, List<Statement> target)
        {
            if (AssignmentTarget(increment.Target) is not { } written)
            {
                return;
            }

            (string name, ScalarType type, _) = written;
            Expr one = type == ScalarType.Double ? Constant.One : new IntegerConstant(1, ScalarType.Int32);
            BinaryOperator op = increment.Kind == OperationKind.Increment ? BinaryOperator.Add : BinaryOperator.Subtract;
            target.Add(new Assignment(name, type, CombineWithTarget(op, new Variable(name, type), one, Overflow(increment.IsChecked)), Declares: false));
        }

        /// <summary>
        /// The value <c>target op= right</c> stores, or null (reported) when <paramref name="right"/> does not convert to
        /// the target's type without a cast.
        /// </summary>
        private Expr? CompoundValue(Expr target, Expr right, (BinaryOperator Operator, OverflowCheck Overflow) compound, IOperation reportOn, string targetType)
        {
            if (right.Type == ScalarType.Boolean || (target.Type != ScalarType.Double && right.Type == ScalarType.Double))
            {
                return Unsupported(reportOn, DiagnosticDescriptors.UnsupportedExpression, "compound assignment", "its right side does not convert to " + targetType + " without a cast; write the assignment out with an explicit cast");
            }

            return CombineWithTarget(compound.Operator, target, right, compound.Overflow);
        }

        /// <summary>
        /// <c>target op= value</c> as C# computes it: both sides promoted (a short becomes an int), the operation,
        /// then the result converted back to the target's type.
        /// </summary>
        private static Expr CombineWithTarget(BinaryOperator op, Expr target, Expr value, OverflowCheck overflow)
        {
            ScalarType promoted = ScalarTypeExtensions.Promote(target.Type, value.Type);
            Expr To(Expr e, ScalarType type) => e.Type == type ? e : new NumericConversion(e, type, overflow);
            var combined = new Binary(op, To(target, promoted), To(value, promoted), promoted, promoted == ScalarType.Double ? OverflowCheck.Inherited : overflow);
            return To(combined, target.Type);
        }

        /// <summary>The overflow context of an integer operation, relative to the project's default.</summary>
        private OverflowCheck Overflow(bool isChecked) =>
            isChecked == compilation.Options.CheckOverflow ? OverflowCheck.Inherited
            : isChecked ? OverflowCheck.Checked
            : OverflowCheck.Unchecked;

        private const string LocalArrayAdvice = "a local array can have its elements read and written, its Length read, and be passed to a method; it cannot be returned or assigned whole";

        private (string Name, ScalarType Type, ISymbol Symbol)? AssignmentTarget(IOperation target)
        {
            if (target is ILocalReferenceOperation array && localArrays.ContainsKey(array.Local))
            {
                Unsupported(target, DiagnosticDescriptors.UnsupportedStatement, "assignment to local array '" + array.Local.Name + "'", LocalArrayAdvice);
                return null;
            }

            ISymbol? symbol = target switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            if (symbol is not null && names.TryGetValue(symbol, out string? name) && KnownSymbols.ToScalarType(target.Type) is { } type)
            {
                return (name, type, symbol);
            }

            if (target is IInvalidOperation || target.Type?.TypeKind == TypeKind.Error)
            {
                HasCompilerErrors = true;
                return null;
            }

            if (symbol is ILocalSymbol { IsRef: true })
            {
                // Its declaration is reported already.
                return null;
            }

            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), target.Syntax.ToString()));
            return null;
        }

        private Expr? TryParseExpression(IOperation operation) => OneLevelDeeper(operation, ParseExpression);

        /// <summary>Parses <paramref name="operation"/> with <paramref name="parse"/>, one level deeper than its parent.</summary>
        private Expr? OneLevelDeeper<T>(T operation, Func<T, Expr?> parse)
            where T : IOperation
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth >= MaximumDepth)
            {
                // Every later stage walks expressions recursively; a stack overflow could not be caught. Reported once.
                if (!Diagnostics.Any(d => d.MessageArguments.Count == 2 && d.MessageArguments[1].StartsWith(TooDeep, StringComparison.Ordinal)))
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), "expression", TooDeep + MaximumDepth + " levels deep; split it into locals"));
                }

                return null;
            }

            depth++;
            try
            {
                return parse(operation);
            }
            finally
            {
                depth--;
            }
        }

        private Expr? ParseExpression(IOperation operation)
        {
            if (operation is IInvalidOperation || operation.Type?.TypeKind == TypeKind.Error)
            {
                HasCompilerErrors = true;
                return null;
            }

            if (operation.ConstantValue.HasValue && FoldConstant(operation.ConstantValue.Value, operation.Type) is { } constant)
            {
                return constant;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when names.TryGetValue(local.Local, out string? localName) && KnownSymbols.ToScalarType(local.Type) is { } localType:
                    return new Variable(localName, localType);
                case IParameterReferenceOperation parameter when names.TryGetValue(parameter.Parameter, out string? parameterName) && KnownSymbols.ToScalarType(parameter.Type) is { } parameterType:
                    return new Variable(parameterName, parameterType);
                case IArrayElementReferenceOperation { ArrayReference: IParameterReferenceOperation array, Indices.Length: 1 } element:
                    return ParseElementRead(array, element.Indices[0]);
                case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array, Indices.Length: 1 } localElement when localArrays.TryGetValue(array.Local, out ScalarType localElementType):
                    return TryParseExpression(localElement.Indices[0]) is { } localIndex ? new ElementRead(names[array.Local], localIndex, localElementType) : null;
                case IPropertyReferenceOperation { Property.Name: "Length", Instance: ILocalReferenceOperation array } when localArrays.ContainsKey(array.Local):
                    return new SequenceLength(names[array.Local]);
                case ILocalReferenceOperation array when localArrays.ContainsKey(array.Local):
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Local.Name + "' used whole", LocalArrayAdvice);
                case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation { Instance: null } table, Indices.Length: 1 } tableElement
                    when SequenceName(table) is { } tableName && KnownSymbols.ToSequence(table.Type) is var (_, tableType):
                    // A static array (a table of coefficients): a constant for differentiation.
                    return TryParseExpression(tableElement.Indices[0]) is { } position ? new ElementRead(tableName, position, tableType) : null;
                case IPropertyReferenceOperation { Property.Name: "Length", Instance: IFieldReferenceOperation { Instance: null } table } when SequenceName(table) is { } tableName:
                    return new SequenceLength(tableName);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IParameterReferenceOperation span, Arguments.Length: 1 } indexer:
                    return ParseElementRead(span, indexer.Arguments[0].Value);
                case IPropertyReferenceOperation { Property.Name: "Length", Instance: IParameterReferenceOperation sequence } when KnownSymbols.ToSequence(sequence.Type) is not null:
                    return new SequenceLength(names[sequence.Parameter]);
                case IFieldReferenceOperation { Instance: null } field when KnownSymbols.ToScalarType(field.Type) is { } fieldType && !KnownSymbols.IsInFileLocalType(field.Field):
                    return new ExternalValue(field.Field.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "." + Identifiers.Identifier(field.Field.Name), fieldType, field.Field.IsReadOnly);
                case IUnaryOperation unary when unary.OperatorMethod is null:
                    return ParseUnary(unary);
                case IBinaryOperation binary when binary.OperatorMethod is null:
                    return ParseBinary(binary);
                case IConversionOperation conversion:
                    return ParseConversion(conversion);
                case IInvocationOperation invocation:
                    return ParseInvocation(invocation);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when KnownSymbols.ToScalarType(conditional.Type) is { } conditionalType:
                    Expr? condition = TryParseExpression(conditional.Condition);
                    Expr? whenTrueValue = TryParseExpression(conditional.WhenTrue);
                    Expr? whenFalseValue = TryParseExpression(whenFalse);
                    return condition is null || whenTrueValue is null || whenFalseValue is null
                        ? null
                        : new Conditional(condition, whenTrueValue, whenFalseValue, conditionalType);
                case ISwitchExpressionOperation choice:
                    return ParseSwitchExpression(choice);
                case IPropertyReferenceOperation or IObjectCreationOperation when NonDeterministicMember(operation) is { } member:
                    return NonDeterministic(operation, member);
                default:
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, DescribeExpression(operation), ExpressionAdvice(operation));
            }
        }

        /// <summary>The name an array or span parameter, or a static array field, is printed with; null for anything else.</summary>
        private string? SequenceName(IOperation operation) => Unwrap(operation) switch
        {
            IParameterReferenceOperation parameter when KnownSymbols.ToSequence(parameter.Type) is not null && names.TryGetValue(parameter.Parameter, out string? name) => name,
            IFieldReferenceOperation { Instance: null } field when KnownSymbols.ToSequence(field.Type) is not null && !KnownSymbols.IsInFileLocalType(field.Field) =>
                field.Field.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "." + Identifiers.Identifier(field.Field.Name),
            _ => null,
        };

        private Expr? ParseElementRead(IParameterReferenceOperation sequence, IOperation index)
        {
            if (KnownSymbols.ToSequence(sequence.Type) is not var (_, element))
            {
                return Unsupported(sequence, DiagnosticDescriptors.UnsupportedExpression, "element of '" + sequence.Parameter.Name + "'", "only arrays and spans of double and of integers are supported");
            }

            Expr? position = TryParseExpression(index);
            return position is null ? null : new ElementRead(names[sequence.Parameter], position, element);
        }

        private Expr? ParseUnary(IUnaryOperation unary)
        {
            Expr? operand = TryParseExpression(unary.Operand);
            if (operand is null)
            {
                return null;
            }

            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Plus:
                    return operand;
                case UnaryOperatorKind.Minus when operand.Type != ScalarType.Boolean:
                    return new Unary(UnaryOperator.Negate, operand, operand.Type, operand.Type == ScalarType.Double ? OverflowCheck.Inherited : Overflow(unary.IsChecked));
                case UnaryOperatorKind.Not when operand.Type == ScalarType.Boolean:
                    return new Unary(UnaryOperator.Not, operand, ScalarType.Boolean);
                default:
                    return Unsupported(unary, DiagnosticDescriptors.UnsupportedExpression, "unary operator '" + unary.Syntax.ToString() + "'", "only unary +, - and ! are supported");
            }
        }

        private Expr? ParseBinary(IBinaryOperation binary)
        {
            if (KnownSymbols.ToScalarType(binary.Type) is not { } type
                || KnownSymbols.ToScalarType(binary.LeftOperand.Type) is not { } operandType
                || KnownSymbols.ToScalarType(binary.RightOperand.Type) is null)
            {
                return Unsupported(binary, DiagnosticDescriptors.UnsupportedExpression, DescribeExpression(binary), ExpressionAdvice(binary));
            }

            if (BinaryOperatorOf(binary.OperatorKind) is not { } op || !Fits(op, type, operandType))
            {
                return Unsupported(binary, DiagnosticDescriptors.UnsupportedExpression, "operator '" + OperatorText(binary) + "'", "only + - * / on numbers, % on integers, comparisons of numbers, == and != of bools, && and || are supported");
            }

            Expr? left = TryParseExpression(binary.LeftOperand);
            Expr? right = TryParseExpression(binary.RightOperand);
            return left is null || right is null ? null : new Binary(op, left, right, type, type.IsInteger() ? Overflow(binary.IsChecked) : OverflowCheck.Inherited);
        }

        /// <summary>Arithmetic on numbers (% on integers only), comparisons of numbers, && and || of bools.</summary>
        private static bool Fits(BinaryOperator op, ScalarType result, ScalarType operand)
        {
            bool logical = op is BinaryOperator.And or BinaryOperator.Or;
            bool equality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
            return !(op == BinaryOperator.Remainder && result == ScalarType.Double)
                && (result == ScalarType.Boolean) == (IsComparison(op) || logical)
                && (equality || (operand == ScalarType.Boolean) == logical);
        }

        private Expr? ParseConversion(IConversionOperation conversion)
        {
            if (conversion.IsImplicit && conversion.Operand.Type is null)
            {
                // A typeless operand (a throw expression, a lambda) is the construct to report.
                return TryParseExpression(conversion.Operand);
            }

            ScalarType? target = KnownSymbols.ToScalarType(conversion.Type);
            ScalarType? source = KnownSymbols.ToScalarType(conversion.Operand.Type);
            if (conversion.OperatorMethod is not null || target is null || source is null || target == ScalarType.Boolean || source == ScalarType.Boolean)
            {
                string what = "conversion from '" + conversion.Operand.Type?.ToDisplayString() + "' to '" + conversion.Type?.ToDisplayString() + "'";
                return Unsupported(conversion, DiagnosticDescriptors.UnsupportedExpression, what, "only numeric conversions between double and integer types are supported");
            }

            Expr? operand = TryParseExpression(conversion.Operand);
            return operand is null ? null : operand.Type == target ? operand : new NumericConversion(operand, target.Value, target.Value.IsInteger() ? Overflow(conversion.IsChecked) : OverflowCheck.Inherited);
        }

        private Expr? ParseInvocation(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (KnownSymbols.IsNonDeterministic(method))
            {
                return NonDeterministic(invocation, method);
            }

            if (KnownSymbols.IsInFileLocalType(method))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "'", "it belongs to a file-local type, which the generated file cannot name");
            }

            if (invocation.Instance is not null)
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of instance method '" + method.Name + "'", "only static methods can be called");
            }

            if (KnownSymbols.ToScalarType(method.ReturnType) is not { } returnType || returnType == ScalarType.Boolean || method.ReturnsByRef)
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "' returning '" + method.ReturnType.ToDisplayString() + "'", "only calls that return double or an integer are supported");
            }

            var argumentOperations = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            bool reordered = !argumentOperations.SequenceEqual(invocation.Arguments);
            if (reordered && invocation.Arguments.Count(a => a.Value.DescendantsAndSelf().Any(HasSideEffects)) > 1)
            {
                // The gradient passes arguments in parameter order; their calls would run in another order.
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "' with named arguments out of order", "two of them call methods or read mutable fields; pass them in parameter order, or compute them into locals first");
            }

            if (argumentOperations.Any(a => a.Parameter is null || a.Parameter.RefKind != RefKind.None || a.ArgumentKind == ArgumentKind.ParamArray))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "'", "ref, out, in and params arguments are not supported");
            }

            var arguments = new List<Expr>();
            foreach (IArgumentOperation argument in argumentOperations)
            {
                Expr? value = SequenceName(argument.Value) is { } sequence ? new SequenceArgument(sequence)
                    : LocalArrayOf(argument.Value) is { } array ? new SequenceArgument(names[array])
                    : TryParseExpression(argument.Value);
                if (value is not null)
                {
                    arguments.Add(value);
                }
            }

            if (arguments.Count != argumentOperations.Count)
            {
                return null;
            }

            // A differentiated array passed whole makes the call depend on it, like a differentiated double.
            bool anyActive = argumentOperations.Any(a => IsActiveArgument(a.Value));
            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (LocalArrayOf(argument.Value) is { } array && KnownSymbols.FindDifferentiableAttribute(method) is null
                    && KnownSymbols.ToSequence(argument.Parameter!.Type) is not (SequenceKind.ReadOnlySpan, _))
                {
                    // A [Differentiable] method never writes its arrays; any other method might, unseen by the gradient.
                    return Unsupported(argument.Value, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Name + "' passed to '" + method.Name + "'",
                        "a method that is not [Differentiable] could change it; take a ReadOnlySpan<" + KnownSymbols.ToSequence(array.Type)?.Element.Keyword() + "> there, or mark the method [Differentiable]");
                }
            }

            if (returnType != ScalarType.Double || !anyActive)
            {
                // An integer result, or a result that depends on no differentiated value, is a constant for differentiation.
                return new PassiveCall(QualifiedMethodName(method), method.Name, arguments.ToEquatableArray(), returnType, IsPure: KnownSymbols.IsMathType(method.ContainingType));
            }

            if (KnownSymbols.IsMathType(method.ContainingType) && MathRules.Has(method.Name, arguments.Count)
                && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double || (method.Name == "Round" && p.Ordinal == 1 && p.Type.SpecialType == SpecialType.System_Int32)))
            {
                return new MathCall(method.Name, arguments.ToEquatableArray());
            }

            if (KnownSymbols.FindDifferentiableAttribute(method) is { } attribute)
            {
                return ParseDifferentiableCall(invocation, method, attribute, argumentOperations, arguments);
            }

            string advice = KnownSymbols.IsMathType(method.ContainingType)
                ? "Fluxion has no derivative rule for it"
                : "mark '" + method.Name + "' [Differentiable] (in a partial type) so that Fluxion generates its gradient";
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoKnownDerivative, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, advice));
            return null;
        }

        private Expr? ParseDifferentiableCall(IInvocationOperation invocation, IMethodSymbol method, AttributeData attribute, List<IArgumentOperation> argumentOperations, List<Expr> arguments)
        {
            IMethodSymbol definition = method.OriginalDefinition;
            string? problem = CalleeProblem(definition, attribute);
            if (problem is not null)
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CalleeHasNoGradient, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, problem));
                return null;
            }

            if (MissingDerivative(definition, attribute) is { } missing)
            {
                Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CalleeLacksDerivative, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, method.Name + missing.Suffix(), missing.ToString()));
                return null;
            }

            bool[] differentiable = KnownSymbols.DifferentiableParameters(definition, attribute);
            bool ok = true;
            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (!differentiable[argument.Parameter!.Ordinal] && IsActiveArgument(argument.Value))
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonDifferentiableArgument, argument.Syntax.GetLocation(), argument.Parameter.Name, method.Name));
                    ok = false;
                }
            }

            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (LocalArrayOf(argument.Value) is { } array && LocalArrayPassProblem(array, invocation) is { } arrayProblem)
                {
                    Unsupported(argument.Value, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Name + "' passed to '" + method.Name + "'", arrayProblem);
                    ok = false;
                }
            }

            if (!ok)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly))
            {
                CallSites.Add(new CallSite(MethodParser.KeyOf(definition), method.ContainingType.Name + "." + method.Name, new UncomparedLocation(LocationInfo.From(invocation.Syntax.GetLocation()))));
            }

            var parameters = method.Parameters
                .Select(p => KnownSymbols.ToSequence(p.Type) is var (kind, element)
                    ? new ParameterModel(p.Name, element, differentiable[p.Ordinal], kind)
                    : new ParameterModel(p.Name, KnownSymbols.ToScalarType(p.Type) ?? ScalarType.Double, differentiable[p.Ordinal]))
                .ToEquatableArray();
            string gradientName = method.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "." + Identifiers.Identifier(method.Name + MethodModel.GradientSuffix);
            string qualifiedName = method.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "." + Identifiers.Identifier(method.Name);
            return new DifferentiableCall(new CalleeModel(gradientName, qualifiedName, method.Name, parameters), arguments.ToEquatableArray());
        }

        /// <summary>The first kind this method asks for that the callee does not generate, or null.</summary>
        private DerivativeKinds? MissingDerivative(IMethodSymbol callee, AttributeData attribute)
        {
            bool local = SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, compilation.Assembly);
            DerivativeKinds generated = KnownSymbols.RequestedDerivatives(attribute).Kinds;
            foreach (DerivativeKinds kind in requested.Each())
            {
                // A callee from a referenced assembly had its methods generated there: look for the one needed.
                bool has = local ? (generated & kind) != 0 : callee.ContainingType.GetMembers(callee.Name + kind.Suffix()).Any();
                if (!has)
                {
                    return kind;
                }
            }

            return null;
        }

        private string? CalleeProblem(IMethodSymbol callee, AttributeData attribute)
        {
            // A method called many times is checked once per parse.
            if (!calleeProblems.TryGetValue(callee, out string? problem))
            {
                problem = FindCalleeProblem(callee, attribute);
                calleeProblems[callee] = problem;
            }

            return problem;
        }

        private string? FindCalleeProblem(IMethodSymbol callee, AttributeData attribute)
        {
            if (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, compilation.Assembly))
            {
                return SignatureChecks.Check(callee, attribute).FirstOrDefault()?.Descriptor.Title.ToString();
            }

            // A callee from a referenced assembly had its gradient generated there.
            return callee.ContainingType.GetMembers(callee.Name + MethodModel.GradientSuffix).Any()
                ? null
                : "its assembly has no '" + callee.Name + MethodModel.GradientSuffix + "'";
        }

        /// <summary>The local array an argument passes whole, if it does.</summary>
        private ILocalSymbol? LocalArrayOf(IOperation argument) =>
            Unwrap(argument) is ILocalReferenceOperation reference && localArrays.ContainsKey(reference.Local) ? reference.Local : null;

        /// <summary>Whether an argument depends on a differentiated value: a value, or an array (parameter or local) that does.</summary>
        private bool IsActiveArgument(IOperation argument) =>
            activity.IsActive(argument)
            || (Unwrap(argument) is IParameterReferenceOperation sequence && activity.IsActiveSequence(sequence.Parameter))
            || (LocalArrayOf(argument) is { } array && activity.IsActiveArray(array));

        /// <summary>
        /// Why a local array cannot be passed whole to a [Differentiable] method, or null when it can. The backward sweep
        /// calls the method's gradient with the array as it is then, so the array must still hold what the call saw: not a
        /// new array of each loop iteration, no element written after the call, nor in a loop around the call (the next
        /// iteration would write it after).
        /// </summary>
        private string? LocalArrayPassProblem(ILocalSymbol array, IInvocationOperation call)
        {
            if (arraysCreatedInLoops.Contains(array))
            {
                return "an array created inside a loop cannot be passed whole; create it once before the loop";
            }

            IOperation root = call;
            var loopsAround = new List<SyntaxNode>();
            while (root.Parent is { } parent)
            {
                if (parent is ILoopOperation loop)
                {
                    loopsAround.Add(loop.Syntax);
                }

                root = parent;
            }

            // The method's element writes, found once per parse: every call passing a local array checks them.
            elementWrites ??= root.Descendants()
                .Select(o => (Array: ElementWritten(o), Write: o.Syntax))
                .Where(w => w.Array is not null)
                .ToLookup(w => w.Array!, w => w.Write, SymbolEqualityComparer.Default);

            // (A write that ends after the call starts comes after it: k[0] = Sum(k) writes k[0] once Sum has run.)
            bool writtenAfter = elementWrites[array].Any(write =>
                write.Span.End > call.Syntax.SpanStart || loopsAround.Any(l => l.Span.Contains(write.Span)));
            return writtenAfter
                ? "the gradient calls '" + call.TargetMethod.Name + MethodModel.GradientSuffix + "' with the array as the call saw it, so no element may be written after the call (or in a loop around it); pass a copy made for the call, or finish writing the array first"
                : null;
        }

        /// <summary>The local array whose element an assignment, compound assignment or increment writes.</summary>
        private static ILocalSymbol? ElementWritten(IOperation operation) => operation switch
        {
            IAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } => array.Local,
            IIncrementOrDecrementOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } => array.Local,
            _ => null,
        };

        private Expr? NonDeterministic(IOperation operation, ISymbol member)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonDeterministicCall, operation.Syntax.GetLocation(), member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name));
            return null;
        }

        private Expr? Unsupported(IOperation operation, DiagnosticDescriptor descriptor, string what, string why)
        {
            if (operation.Descendants().Any(o => o is IInvalidOperation))
            {
                HasCompilerErrors = true;
                return null;
            }

            // Inside an unsupported construct, a clock or random source is the more useful thing to point at.
            if (operation.Descendants().FirstOrDefault(o => NonDeterministicMember(o) is not null) is { } inner)
            {
                return NonDeterministic(inner, NonDeterministicMember(inner)!);
            }

            Diagnostics.Add(DiagnosticInfo.Create(descriptor, operation.Syntax.GetLocation(), what, why));
            return null;
        }

        private static bool HasSideEffects(IOperation operation) =>
            operation is IInvocationOperation || operation is IFieldReferenceOperation { Field.IsReadOnly: false, Field.IsConst: false };

        private static ISymbol? NonDeterministicMember(IOperation operation)
        {
            ISymbol? member = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IPropertyReferenceOperation property => property.Property,
                IObjectCreationOperation creation => creation.Type,
                _ => null,
            };
            return member is not null && KnownSymbols.IsNonDeterministic(member) ? member : null;
        }

        private string Declare(ILocalSymbol local)
        {
            string name = local.Name;
            for (int suffix = 2; !usedNames.Add(name); suffix++)
            {
                name = local.Name + "_" + suffix;
            }

            names[local] = name;
            return name;
        }

        private static Expr? FoldConstant(object? value, ITypeSymbol? type)
        {
            switch (KnownSymbols.ToScalarType(type))
            {
                case ScalarType.Double:
                    return new Constant(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                case ScalarType.Boolean:
                    return new BooleanConstant(value is true);
                case ScalarType.UInt64:
                    // Kept as its bit pattern; printed back as ulong.
                    return new IntegerConstant(unchecked((long)Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)), ScalarType.UInt64);
                case { } integer:
                    return new IntegerConstant(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), integer);
                default:
                    return null;
            }
        }

        private static string QualifiedMethodName(IMethodSymbol method)
        {
            string name = method.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "." + Identifiers.Identifier(method.Name);
            return method.IsGenericMethod
                ? name + "<" + string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(KnownSymbols.QualifiedFormat))) + ">"
                : name;
        }

        private static BinaryOperator? BinaryOperatorOf(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Add => BinaryOperator.Add,
            BinaryOperatorKind.Subtract => BinaryOperator.Subtract,
            BinaryOperatorKind.Multiply => BinaryOperator.Multiply,
            BinaryOperatorKind.Divide => BinaryOperator.Divide,
            BinaryOperatorKind.Remainder => BinaryOperator.Remainder,
            BinaryOperatorKind.LessThan => BinaryOperator.Less,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperator.LessOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperator.Greater,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperator.GreaterOrEqual,
            BinaryOperatorKind.Equals => BinaryOperator.Equal,
            BinaryOperatorKind.NotEquals => BinaryOperator.NotEqual,
            BinaryOperatorKind.ConditionalAnd => BinaryOperator.And,
            BinaryOperatorKind.ConditionalOr => BinaryOperator.Or,
            _ => null,
        };

        private static bool IsComparison(BinaryOperator op) =>
            op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal or BinaryOperator.NotEqual;

        private static string OperatorText(IBinaryOperation binary) =>
            binary.Syntax is BinaryExpressionSyntax syntax ? syntax.OperatorToken.Text : binary.OperatorKind.ToString();

        private static string DescribeStatement(IOperation statement) => (statement.Syntax is BlockSyntax block ? block.Parent : statement.Syntax) switch
        {
            IfStatementSyntax => "if statement",
            SwitchStatementSyntax => "switch statement",
            ForStatementSyntax => "for loop",
            ForEachStatementSyntax => "foreach loop",
            WhileStatementSyntax => "while loop",
            DoStatementSyntax => "do loop",
            TryStatementSyntax => "try statement",
            GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: not 0 } jump => "goto " + jump.CaseOrDefaultKeyword.Text + " statement",
            GotoStatementSyntax => "goto statement",
            LabeledStatementSyntax => "labeled statement",
            LockStatementSyntax => "lock statement",
            UsingStatementSyntax => "using statement",
            LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } => "using declaration",
            UnsafeStatementSyntax => "unsafe block",
            FixedStatementSyntax => "fixed statement",
            CheckedStatementSyntax checkedBlock => checkedBlock.Keyword.Text + " block",
            LocalFunctionStatementSyntax => "local function",
            ThrowStatementSyntax => "throw statement",
            YieldStatementSyntax => "yield statement",
            BreakStatementSyntax => "break statement",
            ContinueStatementSyntax => "continue statement",
            ReturnStatementSyntax => "return statement",
            ExpressionStatementSyntax expression => "statement '" + expression.ToString() + "'",
            _ => "statement",
        };

        private static string StatementAdvice(IOperation statement) => (statement.Syntax is BlockSyntax block ? block.Parent : statement.Syntax) switch
        {
            GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: not 0 } => "jumps between switch sections are not supported; repeat the statements of that section instead",
            ForEachStatementSyntax => "foreach runs only over array and span parameters; write a for loop over the indices",
            ForStatementSyntax or WhileStatementSyntax => "a loop needs a condition",
            BreakStatementSyntax or ContinueStatementSyntax => "break and continue are not supported yet; fold the exit into the loop condition",
            LocalFunctionStatementSyntax => "move it into a static method of its own and mark that [Differentiable]",
            ThrowStatementSyntax => "a gradient cannot throw; return a value instead (double.NaN, say)",
            _ => "a differentiable method may contain only declarations, assignments, if and switch statements, loops and returns",
        };

        private static string DescribeExpression(IOperation operation) => operation switch
        {
            IAnonymousFunctionOperation or IDelegateCreationOperation => "lambda",
            IThrowOperation => "throw expression",
            ITupleOperation or IFieldReferenceOperation { Instance: ITupleOperation } => "tuple",
            IIsPatternOperation or IIsTypeOperation => "pattern",
            ISwitchExpressionOperation => "switch expression",
            IObjectCreationOperation => "object creation",
            IPropertyReferenceOperation property => "property '" + property.Property.Name + "'",
            IFieldReferenceOperation field => "field '" + field.Field.Name + "'",
            IArrayElementReferenceOperation => "array element",
            IArrayCreationOperation => "new array",
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation => "dynamic operation",
            IAssignmentOperation or IIncrementOrDecrementOperation => "assignment inside an expression",
            IInterpolatedStringOperation or ILiteralOperation { Type.SpecialType: SpecialType.System_String } => "string",
            IBinaryOperation { Type.SpecialType: SpecialType.System_String } => "string operation",
            _ => "expression '" + Shorten(operation.Syntax.ToString()) + "'",
        };

        private static string ExpressionAdvice(IOperation operation) => operation switch
        {
            IAssignmentOperation or IIncrementOrDecrementOperation => "assign in a statement of its own",
            IThrowOperation => "a gradient cannot throw; return a value instead (double.NaN, say)",
            IPropertyReferenceOperation => "pass the value in as a parameter",
            _ when operation.Type is { } type && KnownSymbols.ToScalarType(type) is null => "values of type '" + type.ToDisplayString() + "' are not supported",
            _ => "only arithmetic on double and integer values, Math functions and calls are supported",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
