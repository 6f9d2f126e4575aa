namespace Fluxion.Generator.Model
{
    /// <summary>What a temporary holding a value is called, in every mode: <c>sum</c>, <c>product</c>, <c>exp</c>, …</summary>
    internal static class NameHints
    {
        public static string For(Expr expression) => expression switch
        {
            MathCall call => CamelCase(call.Function),
            DifferentiableCall call => CamelCase(call.Callee.Name),
            PassiveCall call => CamelCase(call.Name),
            Binary { Operator: BinaryOperator.Add } => "sum",
            Binary { Operator: BinaryOperator.Subtract } => "difference",
            Binary { Operator: BinaryOperator.Multiply } => "product",
            Binary { Operator: BinaryOperator.Divide } => "quotient",
            Unary => "negated",
            _ => "value",
        };

        private static string CamelCase(string name) => name.Length == 0 ? "value" : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
