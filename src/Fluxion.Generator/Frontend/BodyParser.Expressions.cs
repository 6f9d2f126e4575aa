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
    /// <summary>Expressions: operators, conversions, element reads and constants.</summary>
    internal sealed partial class BodyParser
    {
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
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), "expression",
                        TooDeep + MaximumDepth + " levels deep; split it into locals"));
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

            if (operation is IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: TypeKind.Enum } enumMember }
                && !KnownSymbols.IsInFileLocalType(enumMember))
            {
                // A rounding mode, say: a constant passed on as it is written (its type is not one the intermediate form computes with).
                return new ExternalValue(enumMember.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + "."
                    + Identifiers.Identifier(enumMember.Name), ScalarType.Int32, IsReadOnly: true);
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when names.TryGetValue(local.Local, out string? localName)
                    && KnownSymbols.ToScalarType(local.Type) is { } localType:
                    return new Variable(localName, localType);
                case IParameterReferenceOperation parameter when names.TryGetValue(parameter.Parameter, out string? parameterName)
                    && KnownSymbols.ToScalarType(parameter.Type) is { } parameterType:
                    return new Variable(parameterName, parameterType);
                case IArrayElementReferenceOperation { ArrayReference: IParameterReferenceOperation array, Indices.Length: 1 } element:
                    return ParseElementRead(array, element.Indices[0]);
                case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array,
                    Indices.Length: 1 } localElement when localArrays.TryGetValue(array.Local, out ScalarType localElementType):
                    return TryParseExpression(localElement.Indices[0]) is { } localIndex ? new ElementRead(names[array.Local], localIndex,
                        localElementType) : null;
                case IPropertyReferenceOperation { Property.Name: "Length",
                    Instance: ILocalReferenceOperation array } when localArrays.ContainsKey(array.Local):
                    return new SequenceLength(names[array.Local]);
                case ILocalReferenceOperation array when localArrays.ContainsKey(array.Local):
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Local.Name + "' used whole",
                        LocalArrayAdvice);
                case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } table,
                    Indices.Length: 1 } tableElement
                    when SequenceName(table) is { } tableName && KnownSymbols.ToSequence(table.Type) is var (_, tableType):
                    // A static array (a table of coefficients): a constant for differentiation.
                    return TryParseExpression(tableElement.Indices[0]) is { } position ? new ElementRead(tableName, position, tableType) : null;
                case IPropertyReferenceOperation { Property.Name: "Length",
                    Instance: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } table } when SequenceName(table) is { } tableName:
                    return new SequenceLength(tableName);
                case var _ when Unwrap(operation) is IParameterReferenceOperation whole && IsOutput(whole.Parameter):
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, "output span '" + whole.Parameter.Name + "' used whole",
                        "a vector-valued method reads and writes its outputs one element at a time (" + whole.Parameter.Name
                            + "[i]); compute into a local array and copy its elements");
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IParameterReferenceOperation span, Arguments.Length: 1 } indexer:
                    return ParseElementRead(span, indexer.Arguments[0].Value);
                case IPropertyReferenceOperation { Property.Name: "Length",
                    Instance: IParameterReferenceOperation sequence } when KnownSymbols.ToSequence(sequence.Type) is not null:
                    return new SequenceLength(names[sequence.Parameter]);
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                    when KnownSymbols.ToScalarType(field.Type) is { } fieldType && !KnownSymbols.IsInFileLocalType(field.Field):
                    // A field (of the type, or of this instance) is a constant for differentiation.
                    return new ExternalValue(Owner(field.Field) + "." + Identifiers.Identifier(field.Field.Name), fieldType, field.Field.IsReadOnly);
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
                case IIsPatternOperation test:
                    return ParseIsPattern(test);
                case IAssignmentOperation or IIncrementOrDecrementOperation:
                    return ParseEmbeddedAssignment(operation);
                case IPropertyReferenceOperation or IObjectCreationOperation when NonDeterministicMember(operation) is { } member:
                    return NonDeterministic(operation, member);
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: { IsIndexer: false, GetMethod: not null } property }
                    when KnownSymbols.ToScalarType(property.Type) is { } propertyType && !KnownSymbols.IsInFileLocalType(property):
                    // A property is read like a field: a constant for differentiation, read once where the source reads it unless it is a
                    // get-only auto-property (its getter could compute anything).
                    return new ExternalValue(Owner(property) + "." + Identifiers.Identifier(property.Name), propertyType,
                        IsReadOnly: IsGetOnlyAutoProperty(property));
                default:
                    return Unsupported(operation, DiagnosticDescriptors.UnsupportedExpression, DescribeExpression(operation), ExpressionAdvice(operation));
            }
        }

        private static bool IsGetOnlyAutoProperty(IPropertySymbol property) =>
            property.SetMethod is null && property.DeclaringSyntaxReferences.Length == 1
            && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(accessor => accessor.Body is null && accessor.ExpressionBody is null);

        /// <summary>The name an array or span parameter, or a static array field, is printed with; null for anything else.</summary>
        private string? SequenceName(IOperation operation) => Unwrap(operation) switch
        {
            IParameterReferenceOperation parameter when KnownSymbols.ToSequence(parameter.Type) is not null && !IsOutput(parameter.Parameter)
                && names.TryGetValue(parameter.Parameter, out string? name) => name,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when KnownSymbols.ToSequence(field.Type) is not null
                && !KnownSymbols.IsInFileLocalType(field.Field) =>
                Owner(field.Field) + "." + Identifiers.Identifier(field.Field.Name),
            _ => null,
        };

        private bool IsOutput(IParameterSymbol parameter) => SymbolEqualityComparer.Default.Equals(parameter, output);

        private Expr? ParseElementRead(IParameterReferenceOperation sequence, IOperation index)
        {
            if (KnownSymbols.ToSequence(sequence.Type) is not var (_, element))
            {
                return Unsupported(sequence, DiagnosticDescriptors.UnsupportedExpression, "element of '" + sequence.Parameter.Name + "'",
                    "only arrays and spans of double and of integers are supported");
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
                    return new Unary(UnaryOperator.Negate, operand, operand.Type, operand.Type == ScalarType.Double ? OverflowCheck.Inherited
                        : Overflow(unary.IsChecked));
                case UnaryOperatorKind.Not when operand.Type == ScalarType.Boolean:
                    return new Unary(UnaryOperator.Not, operand, ScalarType.Boolean);
                default:
                    return Unsupported(unary, DiagnosticDescriptors.UnsupportedExpression, "unary operator '" + unary.Syntax.ToString() + "'",
                        "only unary +, - and ! are supported");
            }
        }

        private Expr? ParseBinary(IBinaryOperation binary)
        {
            if (depth >= ChainSplitDepth && binary.LeftOperand is IBinaryOperation && embedded is not null && IsComputedFirst(binary))
            {
                return ParseChain(binary);
            }

            if (BinaryOperation(binary) is not (BinaryOperator op, ScalarType type))
            {
                return null;
            }

            Expr? left = TryParseExpression(binary.LeftOperand);
            Expr? right = TryParseExpression(binary.RightOperand);
            return left is null || right is null ? null : Combine(binary, op, type, left, right);
        }

        /// <summary>The operator and result type of a binary operation the intermediate form has; null, reported, for any other.</summary>
        private (BinaryOperator Op, ScalarType Type)? BinaryOperation(IBinaryOperation binary)
        {
            if (KnownSymbols.ToScalarType(binary.Type) is not { } type
                || KnownSymbols.ToScalarType(binary.LeftOperand.Type) is not { } operandType
                || KnownSymbols.ToScalarType(binary.RightOperand.Type) is null)
            {
                Unsupported(binary, DiagnosticDescriptors.UnsupportedExpression, DescribeExpression(binary), ExpressionAdvice(binary));
                return null;
            }

            if (BinaryOperatorOf(binary.OperatorKind) is not { } op || !Fits(op, type, operandType))
            {
                Unsupported(binary, DiagnosticDescriptors.UnsupportedExpression, "operator '" + OperatorText(binary) + "'",
                    "only + - * / on numbers, % on integers, comparisons of numbers, == and != of bools, && and || are supported");
                return null;
            }

            return (op, type);
        }

        private Binary Combine(IBinaryOperation binary, BinaryOperator op, ScalarType type, Expr left, Expr right) =>
            new Binary(op, left, right, type, type.IsInteger() ? Overflow(binary.IsChecked) : OverflowCheck.Inherited);

        /// <summary>
        /// A long chain (<c>a0 + a1 + … + a9999</c>, one level deeper per operator), parsed along its left side without recursion: every
        /// <see cref="ChainLinksPerLocal"/> operators, the value so far is computed into a local before the statement. The intermediate
        /// form and this parser's stack stay shallow whatever the chain's length, and the values are computed in C#'s order.
        /// </summary>
        private Expr? ParseChain(IBinaryOperation top)
        {
            var links = new List<IBinaryOperation>();
            IOperation leftmost = top;
            while (leftmost is IBinaryOperation link)
            {
                links.Add(link);
                leftmost = link.LeftOperand;
            }

            Expr? value = TryParseExpression(leftmost);
            int sinceStored = 0;
            for (int i = links.Count - 1; i >= 0; i--)
            {
                (BinaryOperator Op, ScalarType Type)? operation = BinaryOperation(links[i]);
                Expr? right = TryParseExpression(links[i].RightOperand);
                value = value is null || right is null || operation is not (BinaryOperator op, ScalarType type) ? null
                    : Combine(links[i], op, type, value, right);
                if (value is not null && i > 0 && ++sinceStored == ChainLinksPerLocal)
                {
                    value = Store(value, embedded!, "partial");
                    sinceStored = 0;
                }
            }

            return value;
        }

        /// <summary>
        /// True when nothing of its statement is computed before <paramref name="operation"/>: it is the leftmost operand, all the way
        /// up, of the value a statement returns, declares or assigns. Moved before the statement, it is then computed in C#'s order.
        /// </summary>
        private static bool IsComputedFirst(IOperation operation)
        {
            IOperation current = operation;
            while (current.Parent is IBinaryOperation { LeftOperand: var leftmost } && leftmost == current
                || current.Parent is IConversionOperation { IsImplicit: true })
            {
                current = current.Parent!;
            }

            return current.Parent switch
            {
                IReturnOperation => true,
                IVariableInitializerOperation => true,
                ISimpleAssignmentOperation assignment => assignment.Value == current && assignment.Parent is IExpressionStatementOperation,
                ICompoundAssignmentOperation compound => compound.Value == current && compound.Parent is IExpressionStatementOperation,
                _ => false,
            };
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
                return Unsupported(conversion, DiagnosticDescriptors.UnsupportedExpression, what,
                    "only numeric conversions between double and integer types are supported");
            }

            Expr? operand = TryParseExpression(conversion.Operand);
            return operand is null ? null : operand.Type == target ? operand : new NumericConversion(operand, target.Value, target.Value.IsInteger()
                ? Overflow(conversion.IsChecked) : OverflowCheck.Inherited);
        }
    }
}
