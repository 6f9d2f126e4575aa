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
    /// Switch statements and switch expressions, lowered to the ifs and conditionals the later stages know. A section or
    /// arm is tested with the operators its patterns stand for: constants (==, NaN matching NaN), relational patterns,
    /// and, or, not, and the patterns every value matches (_, var _, the value's own type).
    /// </summary>
    internal sealed partial class BodyParser
    {
        /// <summary>
        /// Parses a switch statement as an if / else-if chain over the value it tests, computed once. The sections are
        /// tested in source order; the default section, or the last section when the cases cover every value, is the
        /// final else. A break goes to <paramref name="exit"/>, as does a value no section matches.
        /// </summary>
        private void ParseSwitch(ISwitchOperation choice, List<Statement> target, Continuation exit)
        {
            ISwitchCaseOperation? defaultSection = choice.Cases.FirstOrDefault(section => section.Clauses.Any(clause => clause is IDefaultCaseClauseOperation));
            var tested = choice.Cases.Where(section => section.Clauses.Any(clause => clause is not IDefaultCaseClauseOperation)).ToList();
            ISwitchCaseOperation? otherwise = defaultSection;
            if (tested.Count > 0 && (tested[tested.Count - 1] == defaultSection || (defaultSection is null && CoversEveryValue(choice))))
            {
                // A value that reaches the last test goes to the same section whether it matches or not: the default
                // section's own cases when nothing after them is tested, or the last cases when they cover every value.
                otherwise = tested[tested.Count - 1];
                tested.RemoveAt(tested.Count - 1);
            }

            copiedStatements += tested.Count;
            if (copiedStatements > MaximumCopiedStatements)
            {
                Unsupported(choice, DiagnosticDescriptors.UnsupportedStatement, DescribeStatement(choice), TooManyCopies);
                return;
            }

            if (ParseSwitchValue(choice.Value) is not { } value)
            {
                return;
            }

            Variable subject = Store(value, target, "switchValue");
            var tests = tested.Select(section => SectionTest(section, subject, choice.Value.Type)).ToList();
            if (tests.Any(test => test is null))
            {
                // The sections' own problems can wait: they would report again the variables a pattern declares.
                return;
            }

            List<ILocalSymbol> shared = DeclareSharedLocals(choice, target);
            ActivityAnalysis.State before = activity.Save();
            ActivityAnalysis.State? merged = null;
            List<Statement> ParseSection(ISwitchCaseOperation? section)
            {
                activity.Restore(before);
                var statements = new List<Statement>();
                if (section is null)
                {
                    Enter(exit, statements);
                }
                else
                {
                    ParseSequence(section.Body.SelectMany(Flatten).ToList(), 0, statements, exit);
                }

                merged = merged is null ? activity.Save() : ActivityAnalysis.State.Union(merged, activity.Save());
                return statements;
            }

            var bodies = tested.Select(ParseSection).ToList();
            List<Statement> chain = ParseSection(otherwise);
            activity.Restore(merged!);
            declaredAhead.ExceptWith(shared);
            for (int k = tested.Count - 1; k >= 0; k--)
            {
                chain = new List<Statement> { new If(tests[k]!, bodies[k].ToEquatableArray(), chain.ToEquatableArray()) };
            }

            target.AddRange(chain);
        }

        /// <summary>
        /// True when no value leaves a switch statement without a default section unmatched: the compiler then lets the
        /// code after it go without a return, so the value that fails every other test must go to the last section.
        /// </summary>
        private static bool CoversEveryValue(ISwitchOperation choice) =>
            choice.SemanticModel?.AnalyzeControlFlow(choice.Syntax) is { Succeeded: true, EndPointIsReachable: false };

        /// <summary>
        /// Declares, ahead of the chain, each local of the switch block that more than one section uses: C# scopes it to
        /// the whole block, so a later section may assign and read it, but every section becomes a branch of its own.
        /// </summary>
        private List<ILocalSymbol> DeclareSharedLocals(ISwitchOperation choice, List<Statement> target)
        {
            var shared = new List<ILocalSymbol>();
            foreach (ILocalSymbol local in choice.Locals)
            {
                bool Uses(ISwitchCaseOperation section) => section.Descendants().Any(o =>
                    (o is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    || (o is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)));
                if (!local.IsConst && KnownSymbols.ToScalarType(local.Type) is { } type && choice.Cases.Count(Uses) > 1)
                {
                    target.Add(Placeholder(Declare(local), type));
                    declaredAhead.Add(local);
                    shared.Add(local);
                }
                else if (local.Type is IArrayTypeSymbol && choice.Cases.Count(Uses) > 1)
                {
                    // Only an unreachable section can read another's array (it is not assigned there); as a branch of its own it cannot.
                    IOperation use = choice.Cases.SelectMany(section => section.Descendants()).OfType<ILocalReferenceOperation>()
                        .Last(reference => SymbolEqualityComparer.Default.Equals(reference.Local, local));
                    Unsupported(use, DiagnosticDescriptors.UnsupportedExpression, "use of local array '" + local.Name + "'",
                        "it is declared in another switch section; declare it before the switch");
                }
            }

            return shared;
        }

        /// <summary>The test of a section: one of its case labels matches (its default label, if any, adds no test).</summary>
        private Expr? SectionTest(ISwitchCaseOperation section, Variable subject, ITypeSymbol? subjectType)
        {
            var tests = section.Clauses
                .Where(clause => clause is not IDefaultCaseClauseOperation)
                .Select(clause => clause is IPatternCaseClauseOperation pattern
                    ? Guarded(Matches(pattern.Pattern, subject), pattern.Guard)
                    : MatchesConstant(((ISingleValueCaseClauseOperation)clause).Value, subject, subjectType))
                .ToList();
            return tests.Any(test => test is null) ? null : tests.Aggregate((first, second) => new Binary(BinaryOperator.Or, first!, second!,
                ScalarType.Boolean));
        }

        /// <summary>
        /// A switch expression as nested conditionals that test the arms in source order, the last arm's value being the
        /// final else. C# throws for a value no arm matches, which a gradient cannot, so the arms must cover every value.
        /// </summary>
        private Expr? ParseSwitchExpression(ISwitchExpressionOperation choice)
        {
            if (KnownSymbols.ToScalarType(choice.Type) is not { } type)
            {
                return Unsupported(choice, DiagnosticDescriptors.UnsupportedExpression, DescribeExpression(choice), ExpressionAdvice(choice));
            }

            if (!choice.IsExhaustive)
            {
                return Unsupported(choice, DiagnosticDescriptors.UnsupportedExpression, "switch expression",
                    "it throws for the values no arm matches; end it with a discard arm (_ => ...)");
            }

            if (depth + choice.Arms.Length > MaximumDepth)
            {
                return Unsupported(choice, DiagnosticDescriptors.UnsupportedExpression, "switch expression", "its " + choice.Arms.Length
                    + " arms would nest more than " + MaximumDepth + " levels deep; write it as a switch statement");
            }

            Expr? subject = storedSwitchValue is { } stored && stored.Choice == choice ? stored.Value : RepeatableSwitchValue(choice);
            if (subject is null)
            {
                return null;
            }

            var arms = new List<(Expr Test, Expr Value)>();
            Expr? earlierMatch = null;
            int outside = depth;
            try
            {
                foreach (ISwitchExpressionArmOperation arm in choice.Arms)
                {
                    // An arm whose test failed stops here: its value would report again the variables its pattern declares.
                    if (Guarded(Matches(arm.Pattern, subject), arm.Guard) is not { } test)
                    {
                        return null;
                    }

                    Expr? noEarlierMatch = earlierMatch is null ? null : new Unary(UnaryOperator.Not, earlierMatch, ScalarType.Boolean);
                    Expr reached = noEarlierMatch is null ? test
                        : test is BooleanConstant { Value: true } ? noEarlierMatch
                        : new Binary(BinaryOperator.And, noEarlierMatch, test, ScalarType.Boolean);
                    earlierMatch = earlierMatch is null ? test : new Binary(BinaryOperator.Or, earlierMatch, test, ScalarType.Boolean);
                    if (Unwrap(arm.Value) is IThrowOperation thrown)
                    {
                        // _ => throw …: where the statement may have statements before it, an if that throws when no earlier arm matched.
                        if (!ThrowArm(choice, thrown, reached))
                        {
                            return null;
                        }

                        continue;
                    }

                    if (TryParseExpression(arm.Value) is not { } value)
                    {
                        return null;
                    }

                    arms.Add((test, value));

                    // The next arm is the else of this one: a level deeper.
                    depth++;
                }
            }
            finally
            {
                depth = outside;
            }

            if (arms.Count == 0)
            {
                return Unsupported(choice, DiagnosticDescriptors.UnsupportedExpression, "switch expression", "every arm throws: it has no value");
            }

            Expr result = arms[arms.Count - 1].Value;
            for (int k = arms.Count - 2; k >= 0; k--)
            {
                result = new Conditional(arms[k].Test, arms[k].Value, result, type);
            }

            return result;
        }

        /// <summary>
        /// The value of a declaration, an assignment or a return. When a switch expression makes it up, the value that
        /// switch tests goes into a local first (the statement computes it before anything else anyway).
        /// </summary>
        private Expr? ParseValue(IOperation value, List<Statement> target)
        {
            if (Unwrap(value) is IConditionalOperation { WhenFalse: { } otherwise } guard
                && (Unwrap(guard.WhenTrue) is IThrowOperation || Unwrap(otherwise) is IThrowOperation))
            {
                return ParseGuardedValue(guard, otherwise, target);
            }

            if (Unwrap(value) is not ISwitchExpressionOperation choice)
            {
                return ParseWithEmbedded(StatementOf(value), value, target);
            }

            if (ParseSwitchValue(choice.Value) is not { } tested)
            {
                return null;
            }

            storedSwitchValue = (choice, Store(tested, target, "switchValue"));
            try
            {
                return ParseWithEmbedded(StatementOf(value), value, target);
            }
            finally
            {
                storedSwitchValue = null;
            }
        }

        /// <summary><c>c ? value : throw …</c> (either way round): an if that throws, then the value.</summary>
        private Expr? ParseGuardedValue(IConditionalOperation guard, IOperation otherwise, List<Statement> target)
        {
            bool throwsWhenTrue = Unwrap(guard.WhenTrue) is IThrowOperation;
            Expr? condition = TryParseExpression(guard.Condition);
            var throwing = new List<Statement>();
            ParseEffect(Unwrap(throwsWhenTrue ? guard.WhenTrue : otherwise), throwing);
            if (condition is null || throwing.Count == 0)
            {
                return null;
            }

            target.Add(new If(throwsWhenTrue ? condition : new Unary(UnaryOperator.Not, condition, ScalarType.Boolean), throwing.ToEquatableArray(),
                EquatableArray<Statement>.Empty));
            return ParseValue(throwsWhenTrue ? otherwise : guard.WhenTrue, target);
        }

        /// <summary>The value a switch tests; null, reported, when it is not a double, an integer or a bool.</summary>
        private Expr? ParseSwitchValue(IOperation value) =>
            KnownSymbols.ToScalarType(value.Type) is null
                ? Unsupported(value, DiagnosticDescriptors.UnsupportedExpression, "switch on '" + value.Type?.ToDisplayString() + "'",
                    "a switch may test only double, integer and bool values")
                : TryParseExpression(value);

        /// <summary>
        /// The value a switch expression inside a larger expression tests, which every arm computes again: as it is when that repeats
        /// nothing, else computed once into a local before the statement (where the switch runs unconditionally).
        /// </summary>
        private Expr? RepeatableSwitchValue(ISwitchExpressionOperation choice)
        {
            Expr? tested = ParseSwitchValue(choice.Value);
            if (tested is null || IsRepeatable(tested))
            {
                return tested;
            }

            return embedded is not null && !IsConditional(choice)
                ? Store(tested, embedded, "switchValue")
                : Unsupported(choice.Value, DiagnosticDescriptors.UnsupportedExpression, "switch on '" + Shorten(choice.Value.Syntax.ToString()) + "'",
                    "inside a larger expression every arm computes the value again, and this one calls a method or reads a mutable field; "
                    + "compute it into a local first");
        }

        /// <summary>
        /// A throwing arm: an if before the statement that throws where the arm is <paramref name="reached"/>; false, reported, where none
        /// can be.
        /// </summary>
        private bool ThrowArm(ISwitchExpressionOperation choice, IThrowOperation thrown, Expr reached)
        {
            if (embedded is null || IsConditional(choice))
            {
                Unsupported(thrown, DiagnosticDescriptors.UnsupportedExpression, "throw expression",
                    "an arm may throw only where the switch runs whenever its statement does, not inside ?:, && or ||; throw in an if statement");
                return false;
            }

            var throwing = new List<Statement>();
            ParseEffect(thrown, throwing);
            if (throwing.Count == 0)
            {
                return false;
            }

            embedded.Add(new If(reached, throwing.ToEquatableArray(), EquatableArray<Statement>.Empty));
            return true;
        }

        /// <summary><c>x is &gt; 0 and &lt; 1</c>: the tests the pattern stands for, on the value computed once.</summary>
        private Expr? ParseIsPattern(IIsPatternOperation test)
        {
            Expr? tested = ParseSwitchValue(test.Value);
            if (tested is null)
            {
                return null;
            }

            if (!IsRepeatable(tested) && test.Pattern is IBinaryPatternOperation or INegatedPatternOperation { Pattern: IBinaryPatternOperation })
            {
                return Unsupported(test.Value, DiagnosticDescriptors.UnsupportedExpression, "pattern test of '" + Shorten(test.Value.Syntax.ToString())
                    + "'", "its tests compute the value again, and this one calls a method or reads a mutable field; compute it into a local first");
            }

            return Matches(test.Pattern, tested);
        }

        /// <summary>True when computing <paramref name="expression"/> again gives the same value and does nothing else.</summary>
        private static bool IsRepeatable(Expr expression) =>
            expression is not (PassiveCall { IsPure: false } or ExternalValue { IsReadOnly: false } or DifferentiableCall)
            && ExprTree.Operands(expression).All(IsRepeatable);

        /// <summary>A local or parameter as it is; any other value computed once, into a fresh local.</summary>
        private Variable Store(Expr value, List<Statement> target, string preferredName)
        {
            if (value is Variable variable)
            {
                return variable;
            }

            string name = Fresh(preferredName);
            target.Add(new Assignment(name, value.Type, value, Declares: true));
            return new Variable(name, value.Type);
        }

        /// <summary>A pattern's test combined with its <c>when</c> clause, which C# evaluates only once the pattern matched.</summary>
        private Expr? Guarded(Expr? test, IOperation? guard)
        {
            if (test is null || guard is null)
            {
                return test;
            }

            Expr? condition = TryParseExpression(guard);
            return condition is null ? null
                : test is BooleanConstant { Value: true } ? condition
                : new Binary(BinaryOperator.And, test, condition, ScalarType.Boolean);
        }

        /// <summary>The test <paramref name="pattern"/> makes of <paramref name="subject"/>; null, reported, for a pattern with no such test.</summary>
        private Expr? Matches(IPatternOperation pattern, Expr subject) => OneLevelDeeper(pattern, p => PatternTest(p, subject));

        private Expr? PatternTest(IPatternOperation pattern, Expr subject)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return MatchesConstant(constant.Value, subject, pattern.InputType);
                case IRelationalPatternOperation relational:
                    return CaseConstant(relational.Value, pattern.InputType) is { } bound
                        ? new Binary(BinaryOperatorOf(relational.OperatorKind)!.Value, subject, bound, ScalarType.Boolean)
                        : null;
                case IBinaryPatternOperation both:
                    Expr? left = Matches(both.LeftPattern, subject);
                    Expr? right = Matches(both.RightPattern, subject);
                    BinaryOperator op = both.OperatorKind == BinaryOperatorKind.And ? BinaryOperator.And : BinaryOperator.Or;
                    return left is null || right is null ? null : new Binary(op, left, right, ScalarType.Boolean);
                case INegatedPatternOperation negated:
                    return Matches(negated.Pattern, subject) is { } inner ? new Unary(UnaryOperator.Not, inner, ScalarType.Boolean) : null;
                case IDiscardPatternOperation or ITypePatternOperation or IDeclarationPatternOperation { DeclaredSymbol: null }:
                    // _, var _, or a type: on a double, an integer or a bool only a type the value always has compiles.
                    return new BooleanConstant(true);
                default:
                    return Unsupported(pattern, DiagnosticDescriptors.UnsupportedExpression, DescribePattern(pattern), PatternAdvice(pattern));
            }
        }

        /// <summary>The test of a constant case: == as C# compares, except that a NaN case matches NaN.</summary>
        private Expr? MatchesConstant(IOperation value, Expr subject, ITypeSymbol? subjectType) => CaseConstant(value, subjectType) switch
        {
            null => null,
            // NaN is the one double that is not at most +∞ (x != x would test it too, but C# warns on that).
            Constant { Value: var nan } when double.IsNaN(nan) => new Unary(UnaryOperator.Not, new Binary(BinaryOperator.LessOrEqual, subject,
                new Constant(double.PositiveInfinity), ScalarType.Boolean), ScalarType.Boolean),
            BooleanConstant { Value: true } => subject,
            BooleanConstant => new Unary(UnaryOperator.Not, subject, ScalarType.Boolean),
            { } constant => new Binary(BinaryOperator.Equal, subject, constant, ScalarType.Boolean),
        };

        /// <summary>The constant of a case or pattern, as a value of the type switched on.</summary>
        private Expr? CaseConstant(IOperation value, ITypeSymbol? subjectType)
        {
            if (value.ConstantValue is { HasValue: true, Value: { } constant } && FoldConstant(constant, subjectType) is { } folded)
            {
                return folded;
            }

            // Every case of a switch on a number or a bool has a constant of that type; one without does not compile.
            HasCompilerErrors = true;
            return null;
        }

        private static string DescribePattern(IPatternOperation pattern) => pattern switch
        {
            IDeclarationPatternOperation => "declaration pattern",
            IRecursivePatternOperation { Syntax: RecursivePatternSyntax { PositionalPatternClause: not null } } => "positional pattern",
            IRecursivePatternOperation => "property pattern",
            _ => "pattern",
        };

        private static string PatternAdvice(IPatternOperation pattern) => pattern is IDeclarationPatternOperation
            ? "a pattern may not declare a variable; use the value switched on instead"
            : "only constant and relational patterns, joined with and, or and not, and _ are supported";
    }
}
