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
    /// <summary>What the other parts share: reporting, side effects and non-determinism, constants, names, operators, and the words of diagnostics.</summary>
    internal sealed partial class BodyParser
    {
        /// <summary>True when an expression anywhere in <paramref name="statements"/> reads the variable <paramref name="name"/>.</summary>
        private static bool Reads(List<Statement> statements, string name) => StatementTree.AllStatements(statements)
            .SelectMany(StatementTree.ExpressionsOf)
            .Any(expression => ExprTree.VariablesOf(expression).Contains(name));

        /// <summary><paramref name="statements"/> without the assignments to <paramref name="name"/>, in nested blocks too.</summary>
        private static List<Statement> WithoutAssignmentsTo(IEnumerable<Statement> statements, string name) => statements
            .Where(statement => statement is not Assignment assignment || assignment.Target != name)
            .Select(statement => statement switch
            {
                If branch => branch with
                {
                    Then = WithoutAssignmentsTo(branch.Then, name).ToEquatableArray(),
                    Else = WithoutAssignmentsTo(branch.Else, name).ToEquatableArray(),
                },
                Loop loop => loop with { Body = WithoutAssignmentsTo(loop.Body, name).ToEquatableArray() },
                _ => statement,
            })
            .ToList();

        private Expr? NonDeterministic(IOperation operation, ISymbol member)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonDeterministicCall, operation.Syntax.GetLocation(),
                member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name));
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

        /// <summary>A constant of a type the intermediate form knows, as one of its constants; null for any other.</summary>
        internal static Expr? FoldConstant(object? value, ITypeSymbol? type)
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

        /// <summary>
        /// What a member is reached through in generated code: its type, fully qualified, for a static member; <c>this</c> for an
        /// instance member (which a method reaches only on its own instance).
        /// </summary>
        internal static string Owner(ISymbol member) =>
            member.IsStatic ? member.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) : "this";

        private static string QualifiedMethodName(IMethodSymbol method)
        {
            string name = Owner(method) + "." + Identifiers.Identifier(method.Name);
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
            op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                or BinaryOperator.Equal or BinaryOperator.NotEqual;

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
            GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: not 0 }
                => "jumps between switch sections are not supported; repeat the statements of that section instead",
            ForEachStatementSyntax => "foreach runs only over array and span parameters; write a for loop over the indices",
            ForStatementSyntax or WhileStatementSyntax => "a loop needs a condition",
            BreakStatementSyntax or ContinueStatementSyntax => "break and continue are not supported yet; fold the exit into the loop condition",
            _ => "a differentiable method may contain only declarations, assignments, calls, if and switch statements, loops, throws and returns",
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
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation
                => "dynamic operation",
            IAssignmentOperation or IIncrementOrDecrementOperation => "assignment inside an expression",
            IInterpolatedStringOperation or ILiteralOperation { Type.SpecialType: SpecialType.System_String } => "string",
            IBinaryOperation { Type.SpecialType: SpecialType.System_String } => "string operation",
            _ => "expression '" + Shorten(operation.Syntax.ToString()) + "'",
        };

        private static string ExpressionAdvice(IOperation operation) => operation switch
        {
            IAssignmentOperation or IIncrementOrDecrementOperation => "assign in a statement of its own",
            IThrowOperation => "a throw expression may be only one side of a conditional whose value is assigned or returned; throw in an if statement",
            IPropertyReferenceOperation => "pass the value in as a parameter",
            _ when operation.Type is { } type && KnownSymbols.ToScalarType(type) is null => "values of type '" + type.ToDisplayString() + "' are not supported",
            _ => "only arithmetic on double and integer values, Math functions and calls are supported",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
