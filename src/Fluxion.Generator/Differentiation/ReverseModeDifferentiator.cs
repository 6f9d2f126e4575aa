using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Differentiation
{
    /// <summary>
    /// The second stage: reverse-mode differentiation of a method's intermediate form.
    /// <para>
    /// The forward sweep is the original computation in single-assignment form: every assignment
    /// gets a variable of its own (so nothing the backward sweep reads is ever overwritten), and an
    /// inner node whose value a derivative needs (an operand of <c>*</c>, the argument of <c>Sin</c>,
    /// a call) is computed once into a temporary. The backward sweep visits the definitions in
    /// reverse and pushes each one's adjoint into its expression with the product, quotient and
    /// chain rules, accumulating every variable's adjoint with <c>+=</c>.
    /// </para>
    /// </summary>
    internal sealed class ReverseModeDifferentiator
    {
        private static readonly string[] Placeholders = { "$0", "$1", "$2", "$3" };
        private const string ResultPlaceholder = "$result";

        private readonly MethodModel method;
        private readonly NameAllocator names = new NameAllocator();
        private readonly List<Definition> definitions = new List<Definition>();
        private readonly HashSet<string> activeNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> currentVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, EquatableArray<string>> callOutputs = new Dictionary<string, EquatableArray<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> adjoints = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<CodeStatement> backward = new List<CodeStatement>();

        private ReverseModeDifferentiator(MethodModel method)
        {
            this.method = method;
        }

        public static GradientMethod Differentiate(MethodModel method) => new ReverseModeDifferentiator(method).Run();

        private GradientMethod Run()
        {
            foreach (ParameterModel parameter in method.Parameters)
            {
                names.Reserve(parameter.Name);
                currentVersion[parameter.Name] = parameter.Name;
                if (parameter.IsDifferentiable)
                {
                    names.Reserve(OutputName(parameter));
                    activeNames.Add(parameter.Name);
                }
            }

            // Declared locals keep their own names for their first value where no parameter or output has it.
            var ownNameFree = new HashSet<string>(method.Body.OfType<Assignment>().Where(a => a.Declares && names.TryReserve(a.Target)).Select(a => a.Target), StringComparer.Ordinal);

            string? returned = null;
            foreach (Statement statement in method.Body)
            {
                switch (statement)
                {
                    case Assignment assignment:
                        string version = assignment.Declares && ownNameFree.Remove(assignment.Target)
                            ? assignment.Target
                            : names.Allocate(assignment.Target);
                        Define(version, assignment.TargetType, Rename(assignment.Value));
                        currentVersion[assignment.Target] = version;
                        break;
                    case Return ret:
                        Expr value = Rename(ret.Value);
                        if (value is Variable variable)
                        {
                            returned = variable.Name;
                        }
                        else
                        {
                            returned = names.Allocate("result");
                            Define(returned, ScalarType.Double, value);
                        }

                        break;
                }
            }

            if (returned is null)
            {
                throw new InvalidOperationException("the method has no return statement");
            }

            // The seed: the returned value's adjoint is 1. Nothing after the returned definition reaches the
            // result, so its seed needs no local; a returned parameter gets one like any other contribution.
            bool returnsDefinition = definitions.Any(d => d.Name == returned);
            if (activeNames.Contains(returned) && !returnsDefinition)
            {
                Contribute(returned, Constant.One);
            }

            foreach (Definition definition in Enumerable.Reverse(definitions))
            {
                Expr? adjoint = adjoints.TryGetValue(definition.Name, out string? local) ? new Variable(local, ScalarType.Double)
                    : definition.Name == returned ? Constant.One
                    : null;
                if (definition.IsActive && adjoint is not null)
                {
                    Propagate(definition.Value, adjoint, definition);
                }
            }

            foreach (ParameterModel parameter in method.Parameters.Where(p => p.IsDifferentiable))
            {
                Expr gradient = adjoints.TryGetValue(parameter.Name, out string? adjoint) ? new Variable(adjoint, ScalarType.Double) : Constant.Zero;
                backward.Add(new Assign(OutputName(parameter), gradient));
            }

            backward.Add(new ReturnValue(new Variable(returned, ScalarType.Double)));
            var forward = definitions.Select(d => (CodeStatement)new Declare(d.Name, d.Type, ForwardValue(d))).ToEquatableArray();
            return new GradientMethod(method, forward, backward.ToEquatableArray());
        }

        /// <summary>The name of the <c>out</c> parameter that receives the partial derivative for <paramref name="parameter"/>.</summary>
        public static string OutputName(ParameterModel parameter) => "d" + parameter.Name;

        private Expr Rename(Expr expression) => Rewrite(expression, e => e is Variable v && currentVersion.TryGetValue(v.Name, out string? version) ? new Variable(version, v.Type) : null);

        private void Define(string name, ScalarType type, Expr value)
        {
            Expr lowered = Lower(value, isRoot: true, valueNeeded: false);
            bool active = IsActive(lowered);
            if (active && lowered is DifferentiableCall call)
            {
                callOutputs[name] = call.Callee.Parameters
                    .Select((p, i) => (Parameter: p, Argument: call.Arguments[i]))
                    .Where(pa => pa.Parameter.IsDifferentiable)
                    .Select(pa => IsActive(pa.Argument) ? names.Allocate(name + "_d" + pa.Parameter.Name) : string.Empty)
                    .ToEquatableArray();
            }

            definitions.Add(new Definition(name, type, lowered, active));
            if (active)
            {
                activeNames.Add(name);
            }
        }

        /// <summary>
        /// Rebuilds <paramref name="expression"/> bottom-up, moving into temporaries the inner nodes whose
        /// value the backward sweep reads, so that each is computed exactly once.
        /// </summary>
        private Expr Lower(Expr expression, bool isRoot, bool valueNeeded)
        {
            if (IsLeaf(expression))
            {
                return expression;
            }

            (bool[] operandsNeeded, bool resultNeeded) = Needs(expression);
            IReadOnlyList<Expr> operands = Operands(expression);
            var lowered = operands.Select((operand, i) => Lower(operand, isRoot: false, valueNeeded: operandsNeeded[i])).ToArray();
            Expr rebuilt = WithOperands(expression, lowered);
            bool isCall = rebuilt is DifferentiableCall && IsActive(rebuilt);
            if (!isRoot && (valueNeeded || resultNeeded || isCall))
            {
                string temporary = names.Allocate(NameHint(rebuilt));
                Define(temporary, rebuilt.Type, rebuilt);
                return new Variable(temporary, rebuilt.Type);
            }

            return rebuilt;
        }

        /// <summary>Which operands, and whether its own result, the partial derivatives of a node read.</summary>
        private (bool[] Operands, bool Result) Needs(Expr expression)
        {
            IReadOnlyList<Expr> operands = Operands(expression);
            var needed = new bool[operands.Count];
            bool result = false;
            switch (expression)
            {
                case Binary { Operator: BinaryOperator.Multiply, Type: ScalarType.Double } multiply:
                    needed[0] = IsActive(multiply.Right);
                    needed[1] = IsActive(multiply.Left);
                    break;
                case Binary { Operator: BinaryOperator.Divide, Type: ScalarType.Double } divide:
                    needed[1] = IsActive(divide.Left) || IsActive(divide.Right);
                    result = IsActive(divide.Right);
                    break;
                case MathCall call:
                    var placeholders = call.Arguments.Select((a, i) => (Expr)new Variable(Placeholders[i], ScalarType.Double)).ToArray();
                    Expr[] partials = MathRules.Partials(call.Function, placeholders, new Variable(ResultPlaceholder, ScalarType.Double));
                    var read = new HashSet<string>(partials.Where((p, i) => IsActive(call.Arguments[i])).SelectMany(VariablesOf));
                    for (int i = 0; i < needed.Length; i++)
                    {
                        needed[i] = read.Contains(Placeholders[i]);
                    }

                    result = read.Contains(ResultPlaceholder);
                    break;
            }

            return (needed, result);
        }

        /// <summary>Pushes the adjoint <paramref name="adjoint"/> of <paramref name="node"/> down to the variables it reads.</summary>
        private void Propagate(Expr node, Expr adjoint, Definition definition)
        {
            if (!IsActive(node))
            {
                return;
            }

            // The node's own value: the definition's variable at the root, else the node itself (never reached for
            // nodes whose rules read their result, since those were moved into temporaries).
            Expr value = ReferenceEquals(node, definition.Value) ? new Variable(definition.Name, ScalarType.Double) : node;
            switch (node)
            {
                case Variable variable:
                    Contribute(variable.Name, adjoint);
                    break;
                case Unary { Operator: UnaryOperator.Negate } negate:
                    Propagate(negate.Operand, Negate(adjoint), definition);
                    break;
                case Binary { Operator: BinaryOperator.Multiply } square when square.Left.Equals(square.Right):
                    // x * x: one contribution 2·x·adjoint (bit for bit the sum of the two product-rule terms).
                    Propagate(square.Left, Multiply(Multiply(new Constant(2.0), square.Left), adjoint), definition);
                    break;
                case Binary binary:
                    adjoint = ShareIfUsedTwice(adjoint, binary, IsActive(binary.Left) && IsActive(binary.Right));
                    switch (binary.Operator)
                    {
                        case BinaryOperator.Add:
                            Propagate(binary.Left, adjoint, definition);
                            Propagate(binary.Right, adjoint, definition);
                            break;
                        case BinaryOperator.Subtract:
                            Propagate(binary.Left, adjoint, definition);
                            Propagate(binary.Right, Negate(adjoint), definition);
                            break;
                        case BinaryOperator.Multiply:
                            Propagate(binary.Left, Multiply(binary.Right, adjoint), definition);
                            Propagate(binary.Right, Multiply(binary.Left, adjoint), definition);
                            break;
                        case BinaryOperator.Divide:
                            Propagate(binary.Left, Divide(adjoint, binary.Right), definition);
                            Propagate(binary.Right, Multiply(Negate(Divide(value, binary.Right)), adjoint), definition);
                            break;
                        default:
                            throw new InvalidOperationException("no adjoint rule for operator " + binary.Operator);
                    }

                    break;
                case MathCall call:
                    Expr[] partials = MathRules.Partials(call.Function, call.Arguments.AsImmutableArray(), value);
                    var flowing = Enumerable.Range(0, partials.Length).Where(i => IsActive(call.Arguments[i]) && !IsZero(partials[i])).ToList();
                    adjoint = ShareIfUsedTwice(adjoint, call, flowing.Count > 1);
                    foreach (int i in flowing)
                    {
                        Propagate(call.Arguments[i], Multiply(partials[i], adjoint), definition);
                    }

                    break;
                case DifferentiableCall call:
                    EquatableArray<string> outputs = callOutputs[definition.Name];
                    var arguments = call.Callee.Parameters.Select((p, i) => (Parameter: p, Argument: call.Arguments[i])).Where(pa => pa.Parameter.IsDifferentiable).ToList();
                    adjoint = ShareIfUsedTwice(adjoint, call, outputs.Count(o => o.Length > 0) > 1);
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        if (outputs[i].Length > 0)
                        {
                            Propagate(arguments[i].Argument, Multiply(new Variable(outputs[i], ScalarType.Double), adjoint), definition);
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("no adjoint rule for " + node.GetType().Name);
            }
        }

        /// <summary>Keeps an adjoint that two operands read in a local, so it is computed once.</summary>
        private Expr ShareIfUsedTwice(Expr adjoint, Expr node, bool usedTwice)
        {
            if (!usedTwice || IsLeaf(adjoint))
            {
                return adjoint;
            }

            string name = names.Allocate(NameHint(node) + "_adj");
            backward.Add(new Declare(name, ScalarType.Double, adjoint));
            return new Variable(name, ScalarType.Double);
        }

        private void Contribute(string variable, Expr contribution)
        {
            if (adjoints.TryGetValue(variable, out string? adjoint))
            {
                backward.Add(new AddAssign(adjoint, contribution));
                return;
            }

            adjoint = names.Allocate(variable + "_adj");
            adjoints[variable] = adjoint;
            backward.Add(new Declare(adjoint, ScalarType.Double, contribution));
        }

        private Expr ForwardValue(Definition definition)
        {
            if (definition.Value is not DifferentiableCall call)
            {
                return definition.Value;
            }

            EquatableArray<string> outputs = callOutputs.TryGetValue(definition.Name, out var named)
                ? named
                : call.Callee.Parameters.Where(p => p.IsDifferentiable).Select(_ => string.Empty).ToEquatableArray();
            return new GradientInvocation(call.Callee.QualifiedGradientName, call.Arguments, outputs);
        }

        private bool IsActive(Expr expression) => expression switch
        {
            _ when expression.Type != ScalarType.Double => false,
            Variable variable => activeNames.Contains(variable.Name),
            Constant or ExternalValue or PassiveCall or NumericConversion => false,
            _ => Operands(expression).Any(IsActive),
        };

        private static bool IsLeaf(Expr expression) => expression switch
        {
            Constant or IntegerConstant or BooleanConstant or Variable or ExternalValue => true,
            NumericConversion conversion => IsLeaf(conversion.Operand),
            Unary { Operator: UnaryOperator.Negate, Operand: Constant or Variable } => true,
            _ => false,
        };

        private static bool IsZero(Expr expression) => expression is Constant { Value: 0.0 };

        private static string NameHint(Expr expression) => expression switch
        {
            MathCall call => char.ToLowerInvariant(call.Function[0]) + call.Function.Substring(1),
            DifferentiableCall call => CamelCase(LastSegment(call.Callee.QualifiedGradientName).Replace("_Grad", string.Empty)),
            PassiveCall call => CamelCase(LastSegment(call.QualifiedMethod)),
            Binary { Operator: BinaryOperator.Add } => "sum",
            Binary { Operator: BinaryOperator.Subtract } => "difference",
            Binary { Operator: BinaryOperator.Multiply } => "product",
            Binary { Operator: BinaryOperator.Divide } => "quotient",
            Unary => "negated",
            _ => "value",
        };

        private static string LastSegment(string qualifiedName)
        {
            string withoutTypeArguments = qualifiedName.Split('<')[0];
            return withoutTypeArguments.Substring(withoutTypeArguments.LastIndexOf('.') + 1).TrimStart('@');
        }

        private static string CamelCase(string name) => name.Length == 0 ? "value" : char.ToLowerInvariant(name[0]) + name.Substring(1);

        // Adjoint builders that skip multiplying by one, so a seed of 1 does not look like work worth sharing.
        private static Expr Negate(Expr operand) =>
            operand is Constant c ? new Constant(-c.Value) : new Unary(UnaryOperator.Negate, operand, ScalarType.Double);

        private static Expr Multiply(Expr left, Expr right) =>
            left is Constant { Value: 1.0 } ? right
            : right is Constant { Value: 1.0 } ? left
            : left is Constant l && right is Constant r ? new Constant(l.Value * r.Value)
            : new Binary(BinaryOperator.Multiply, left, right, ScalarType.Double);

        private static Expr Divide(Expr left, Expr right) =>
            left is Constant l && right is Constant r ? new Constant(l.Value / r.Value) : new Binary(BinaryOperator.Divide, left, right, ScalarType.Double);

        private sealed record Definition(string Name, ScalarType Type, Expr Value, bool IsActive);
    }
}
