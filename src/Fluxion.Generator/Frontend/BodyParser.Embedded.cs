using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Assignments, <c>++</c> and <c>--</c> inside an expression (<c>while (n-- &gt; 0)</c>, <c>h[k++] = x</c>, <c>x = y = 0</c>): each
    /// becomes a statement of its own before the statement that holds it, its value read from the variable, or for a postfix from a copy
    /// of the value before. Moved there, they give the values C# gives only when they run unconditionally and nothing else in the
    /// statement reads or writes that variable, which is checked.
    /// </summary>
    internal sealed partial class BodyParser
    {
        /// <summary>Where an assignment inside the expression being parsed goes; null where none may be.</summary>
        private List<Statement>? embedded;

        /// <summary>The statement or condition the assignments in <see cref="embedded"/> come from.</summary>
        private IOperation? embeddingScope;

        /// <summary>Parses <paramref name="expression"/>, adding first to <paramref name="target"/> the assignments it holds.</summary>
        private Expr? ParseWithEmbedded(IOperation scope, IOperation expression, List<Statement> target) =>
            ParseWithEmbedded(scope, target, () => TryParseExpression(expression));

        private T ParseWithEmbedded<T>(IOperation scope, List<Statement> target, System.Func<T> parse)
        {
            (List<Statement>? outerStatements, IOperation? outerScope) = (embedded, embeddingScope);
            (embedded, embeddingScope) = (new List<Statement>(), scope);
            try
            {
                T parsed = parse();
                target.AddRange(embedded);
                return parsed;
            }
            finally
            {
                (embedded, embeddingScope) = (outerStatements, outerScope);
            }
        }

        /// <summary>The statement an expression belongs to: the scope in which its embedded assignments must be alone.</summary>
        private static IOperation StatementOf(IOperation expression)
        {
            IOperation statement = expression;
            while (statement.Parent is { } parent && parent is not (IBlockOperation or ISwitchCaseOperation or ILoopOperation or IConditionalOperation
                { Type: null }))
            {
                statement = parent;
            }

            return statement;
        }

        private Expr? ParseEmbeddedAssignment(IOperation operation)
        {
            const string What = "assignment inside an expression";
            if (embedded is null)
            {
                return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, What, "assign in a statement of its own");
            }

            IOperation assigned = operation is IIncrementOrDecrementOperation increment ? increment.Target : ((IAssignmentOperation)operation).Target;
            if (operation is not (IIncrementOrDecrementOperation { OperatorMethod: null } or ISimpleAssignmentOperation
                or ICompoundAssignmentOperation { OperatorMethod: null }) || assigned is not (ILocalReferenceOperation or IParameterReferenceOperation))
            {
                return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, What,
                    "only a local or parameter can be assigned inside an expression; assign in a statement of its own");
            }

            if (IsConditional(operation))
            {
                return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, What,
                    "it runs only on one side of ?:, && or ||; assign in a statement of its own");
            }

            ISymbol symbol = SymbolOf(assigned)!;
            if (embeddingScope!.DescendantsAndSelf().Any(o => o != assigned && Refers(o, symbol)))
            {
                return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, What, "'" + symbol.Name
                    + "' is read or written elsewhere in the same statement, where C#'s order of evaluation matters; assign in a statement of its own");
            }

            if (AssignmentTarget(assigned) is not var (name, type, _))
            {
                return null;
            }

            var variable = new Variable(name, type);
            switch (operation)
            {
                case IIncrementOrDecrementOperation { IsPostfix: true } postfix:
                    // The value before the step is what the expression reads.
                    string before = Fresh(name + "_before");
                    embedded.Add(new Assignment(before, type, variable, Declares: true));
                    ParseIncrement(postfix, embedded);
                    return new Variable(before, type);
                case IIncrementOrDecrementOperation prefix:
                    ParseIncrement(prefix, embedded);
                    return variable;
                case ICompoundAssignmentOperation compound when BinaryOperatorOf(compound.OperatorKind) is { } op && !IsComparison(op)
                    && op is not (BinaryOperator.And or BinaryOperator.Or):
                    ParseAssignment(assigned, compound.Value, (op, Overflow(compound.IsChecked)), embedded);
                    return variable;
                case ISimpleAssignmentOperation simple:
                    ParseAssignment(assigned, simple.Value, null, embedded);
                    return variable;
                default:
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, What, "assign in a statement of its own");
            }
        }

        /// <summary>True when <paramref name="operation"/> runs only on some evaluations of the scope: one side of ?:, or right of && or ||.</summary>
        private bool IsConditional(IOperation operation)
        {
            for (IOperation child = operation; child != embeddingScope && child.Parent is { } parent; child = parent)
            {
                if ((parent is IConditionalOperation conditional && child != conditional.Condition)
                    || (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
                        && child == logical.RightOperand)
                    || parent is ICoalesceOperation or ISwitchExpressionArmOperation or IConditionalAccessOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Refers(IOperation operation, ISymbol? symbol) => operation switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
            _ => false,
        };

        /// <summary>
        /// A loop condition's embedded assignments run before every test: before the loop (when it tests first) and at the end of each
        /// iteration, where a continue goes too. The copies they declare are declared once, before the loop.
        /// </summary>
        private static (List<Statement> BeforeLoop, List<Statement> EachIteration) ConditionSetup(List<Statement> setup, bool testsFirst)
        {
            var beforeLoop = testsFirst ? setup : setup.OfType<Assignment>().Where(a => a.Declares)
                .Select(a => (Statement)Placeholder(a.Target, a.TargetType)).ToList();
            var eachIteration = setup.Select(s => s is Assignment { Declares: true } a ? a with { Declares = false } : s).ToList();
            return (beforeLoop, eachIteration);
        }

    
        /// <summary>
        /// <c>(a, b) = (b, a + 0.5 * b)</c> and <c>var (c, d) = (x, y)</c>: C# computes every value on the right, then assigns left to
        /// right, so a value that reads a variable assigned before it goes through a copy made before the first assignment.
        /// </summary>
        private void ParseDeconstruction(IDeconstructionAssignmentOperation deconstruction, List<Statement> target)
        {
            IReadOnlyList<(IOperation Target, IOperation Value)>? pairs = ActivityAnalysis.Deconstructed(deconstruction);
            if (pairs is null || pairs.Any(p => p.Target is not (ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation)))
            {
                Unsupported(deconstruction, DiagnosticDescriptors.UnsupportedStatement, "deconstruction",
                    "only locals and parameters can be assigned from a tuple written out, as in (a, b) = (b, a + b)");
                return;
            }

            var values = ParseWithEmbedded(StatementOf(deconstruction), target, () => pairs.Select(p => TryParseExpression(p.Value)).ToList());
            var isActive = pairs.Select(p => activity.IsActive(p.Value)).ToList();
            if (values.Any(value => value is null))
            {
                return;
            }

            var assigned = new List<Statement>();
            for (int i = 0; i < pairs.Count; i++)
            {
                (IOperation element, IOperation valueOperation) = pairs[i];
                if (element is IDiscardOperation)
                {
                    continue;
                }

                ISymbol symbol = element is ILocalReferenceOperation local ? local.Local : ((IParameterReferenceOperation)element).Parameter;
                bool declares = element is ILocalReferenceOperation { IsDeclaration: true };
                string? name = declares ? Declare((ILocalSymbol)symbol) : AssignmentTarget(element)?.Name;
                if (name is null || KnownSymbols.ToScalarType(element.Type) is not { } type)
                {
                    continue;
                }

                Expr value = values[i]!.Type == type ? values[i]! : new NumericConversion(values[i]!, type);
                if (pairs.Take(i).Any(earlier => valueOperation.DescendantsAndSelf().Any(o => Refers(o, SymbolOf(earlier.Target)))))
                {
                    string next = Fresh(name + "_next");
                    target.Add(new Assignment(next, type, value, Declares: true));
                    value = new Variable(next, type);
                }

                assigned.Add(new Assignment(name, type, value, declares));
                activity.Assign(symbol, isActive[i], combinesWithOldValue: false);
            }

            target.AddRange(assigned);
        }

        private static ISymbol? SymbolOf(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }
}
