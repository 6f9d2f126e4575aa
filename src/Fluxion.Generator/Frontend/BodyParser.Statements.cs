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
    /// <summary>Statements: declarations, assignments, increments and element writes.</summary>
    internal sealed partial class BodyParser
    {
        private void ParseStatement(IOperation statement, List<Statement> target)
        {
            switch (statement)
            {
                case IEmptyOperation or ILocalFunctionOperation:
                    // A local function is inlined where it is called (see ParseLocalFunctionCall).
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
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "ref local '" + local.Name + "'",
                    "ref locals are not supported; read the value into an ordinary local, and write the element itself");
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

                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'", "locals of type '"
                    + local.Type.ToDisplayString() + "' are not supported; use double or an integer type"
                    + (KnownSymbols.ToSequence(local.Type) is not null ? ", or for a span a local array (new double[n])" : string.Empty));
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
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'",
                    "local arrays must be one-dimensional arrays of double or of an integer type");
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
                Unsupported(declarator, DiagnosticDescriptors.UnsupportedStatement, "declaration of '" + local.Name + "'",
                    "a local array must be created where it is declared, with new " + elementType.Keyword() + "[length] or an array initializer");
                return;
            }

            IReadOnlyList<IOperation> elements = (IReadOnlyList<IOperation>?)creation.Initializer?.ElementValues ?? Array.Empty<IOperation>();
            Expr? length = creation.Initializer is null ? TryParseExpression(creation.DimensionSizes[0]) : new IntegerConstant(elements.Count,
                ScalarType.Int32);
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

        /// <summary><c>a[i] = v</c>, <c>a[i] op= v</c>, <c>a[i]++</c> on a local array, or on a vector-valued method's output span.</summary>
        private void ParseElementAssignment(IOperation element, IOperation? value, (BinaryOperator Operator,
            OverflowCheck Overflow)? compoundOperator, List<Statement> target)
        {
            ISymbol array;
            ScalarType elementType;
            IOperation indexOperation;
            if (element is IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: ILocalReferenceOperation { Local: var local } } arrayElement
                && localArrays.TryGetValue(local, out elementType))
            {
                (array, indexOperation) = (local, arrayElement.Indices[0]);
            }
            else if (element is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1,
                Instance: IParameterReferenceOperation span } indexer
                && IsOutput(span.Parameter))
            {
                (array, elementType, indexOperation) = (span.Parameter, ScalarType.Double, indexer.Arguments[0].Value);
            }
            else if (IsElementOfReportedLocal(element))
            {
                return;
            }
            else
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, element.Syntax.GetLocation(), element.Syntax.ToString()));
                return;
            }

            (Expr? index, Expr? right) = ParseWithEmbedded(StatementOf(element), target, () => (TryParseExpression(indexOperation), value is null
                ? (elementType == ScalarType.Double ? Constant.One : new IntegerConstant(1, ScalarType.Int32))
                : TryParseExpression(value)));
            if (index is null || right is null)
            {
                return;
            }

            string name = names[array];
            if (compoundOperator is { } compound)
            {
                right = CompoundValue(new ElementRead(name, index, elementType), right, compound, value ?? element, "the element type of '" + name + "'");
                if (right is null)
                {
                    return;
                }
            }

            target.Add(new ElementAssignment(name, elementType, index, right));
            if (array is ILocalSymbol localArray)
            {
                activity.AssignElement(localArray, value is not null && activity.IsActive(value));
            }
        }

        /// <summary>An array element, or an element of the output span: what an element write may write.</summary>
        private bool IsElement(IOperation target) => target is IArrayElementReferenceOperation
            || (target is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IParameterReferenceOperation span } && IsOutput(span.Parameter));

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
                case ISimpleAssignmentOperation { Target: var element } assignment when IsElement(element):
                    ParseElementAssignment(element, assignment.Value, null, target);
                    break;
                case ICompoundAssignmentOperation { Target: var element } compound when IsElement(element) && compound.OperatorMethod is null
                    && BinaryOperatorOf(compound.OperatorKind) is { } elementOp && !IsComparison(elementOp)
                    && elementOp is not (BinaryOperator.And or BinaryOperator.Or):
                    ParseElementAssignment(element, compound.Value, (elementOp, Overflow(compound.IsChecked)), target);
                    break;
                case IIncrementOrDecrementOperation { Target: var element } increment when IsElement(element) && increment.OperatorMethod is null:
                    ParseElementAssignment(element, null, (increment.Kind == OperationKind.Increment ? BinaryOperator.Add : BinaryOperator.Subtract,
                        Overflow(increment.IsChecked)), target);
                    break;
                case ISimpleAssignmentOperation assignment:
                    ParseAssignment(assignment.Target, assignment.Value, null, target);
                    break;
                case ICompoundAssignmentOperation compound when compound.OperatorMethod is null && BinaryOperatorOf(compound.OperatorKind) is { } op
                    && !IsComparison(op) && op is not (BinaryOperator.And or BinaryOperator.Or):
                    ParseAssignment(compound.Target, compound.Value, (op, Overflow(compound.IsChecked)), target);
                    break;
                case IIncrementOrDecrementOperation increment when increment.OperatorMethod is null:
                    ParseIncrement(increment, target);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    ParseDeconstruction(deconstruction, target);
                    break;
                case IInvalidOperation:
                    HasCompilerErrors = true;
                    break;
                case IInvocationOperation call when !call.Descendants().Any(o => o is IInvalidOperation):
                    // Its value, if any, goes unused: it runs for its effect (an assertion, a log line, a guard).
                    ParseEffect(call, target);
                    break;
                default:
                    Unsupported(statement, DiagnosticDescriptors.UnsupportedStatement, DescribeStatement(statement),
                        "only assignments, and calls for their effect, are allowed as statements");
                    break;
            }
        }

        private void ParseAssignment(IOperation assigned, IOperation value, (BinaryOperator Operator, OverflowCheck Overflow)? compoundOperator,
            List<Statement> target)
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
                return Unsupported(reportOn, DiagnosticDescriptors.UnsupportedExpression, "compound assignment",
                    "its right side does not convert to " + targetType + " without a cast; write the assignment out with an explicit cast");
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
            var combined = new Binary(op, To(target, promoted), To(value, promoted), promoted, promoted == ScalarType.Double
                ? OverflowCheck.Inherited : overflow);
            return To(combined, target.Type);
        }

        /// <summary>The overflow context of an integer operation, relative to the project's default.</summary>
        private OverflowCheck Overflow(bool isChecked) =>
            isChecked == compilation.Options.CheckOverflow ? OverflowCheck.Inherited
            : isChecked ? OverflowCheck.Checked
            : OverflowCheck.Unchecked;

        private const string LocalArrayAdvice =
            "a local array can have its elements read and written, its Length read, and be passed to a method; it cannot be returned or assigned whole";

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

            if (!IsElementOfReportedLocal(target))
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), target.Syntax.ToString()));
            }

            return null;
        }

        /// <summary>
        /// An element of a local the method has but cannot differentiate (a <c>stackalloc</c> span, a list): its declaration is reported
        /// already, and the write is no write outside the method.
        /// </summary>
        private bool IsElementOfReportedLocal(IOperation element) => element switch
        {
            IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation local } => !localArrays.ContainsKey(local.Local),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation local } => !localArrays.ContainsKey(local.Local),
            _ => false,
        };
    }
}
