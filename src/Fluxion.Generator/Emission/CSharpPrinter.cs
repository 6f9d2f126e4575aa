using System;
using System.Globalization;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.Identifiers;

namespace Fluxion.Generator.Emission
{
    /// <summary>Prints the statements and expressions of generated code as C#, for every kind of generated method.</summary>
    internal static class CSharpPrinter
    {
        /// <summary>Generated code names its types instead of writing <c>var</c>, which a type named <c>var</c> would take.</summary>
        public const string AdjointArrayType = "global::Fluxion.Runtime.AdjointArray";

        public static void WriteStatements(CodeWriter writer, EquatableArray<CodeStatement> statements)
        {
            foreach (CodeStatement statement in statements)
            {
                switch (statement)
                {
                    case IfStatement { Then.Count: 0 } branch:
                        writer.Line("if (" + Expression(new Unary(UnaryOperator.Not, branch.Condition, ScalarType.Boolean)) + ")");
                        writer.Open();
                        WriteStatements(writer, branch.Else);
                        writer.Close();
                        break;
                    case IfStatement branch:
                        writer.Line("if (" + Expression(branch.Condition) + ")");
                        writer.Open();
                        WriteStatements(writer, branch.Then);
                        writer.Close();
                        if (branch.Else.Count > 0)
                        {
                            writer.Line("else");
                            writer.Open();
                            WriteStatements(writer, branch.Else);
                            writer.Close();
                        }

                        break;
                    case ReturnValue:
                        writer.Line();
                        writer.Line(Statement(statement));
                        break;
                    case LoopStatement { TestsFirst: true } loop:
                        writer.Line("while (" + Expression(loop.Condition) + ")");
                        writer.Open();
                        WriteStatements(writer, loop.Body);
                        writer.Close();
                        break;
                    case LoopStatement loop:
                        writer.Line("do");
                        writer.Open();
                        WriteStatements(writer, loop.Body);
                        writer.Close();
                        writer.Line("while (" + Expression(loop.Condition) + ");");
                        break;
                    case AdjointArrayDeclaration adjoints:
                        writer.Line(AdjointArrayType + " " + Identifier(adjoints.Storage) + " = new " + AdjointArrayType + "("
                            + Expression(adjoints.Length) + ");");
                        writer.Line("global::System.Span<double> " + Identifier(adjoints.Name) + " = " + Identifier(adjoints.Storage) + ".Segment;");
                        break;
                    case AccumulateScaled accumulate:
                        string index = Identifier(accumulate.Index);
                        writer.Line("for (int " + index + " = 0; " + index + " < " + Expression(accumulate.Length) + "; " + index + "++)");
                        writer.Open();
                        string scale = accumulate.Scale is Constant { Value: 1.0 } ? string.Empty : Expression(accumulate.Scale,
                            MultiplicativePrecedence) + " * ";
                        writer.Line(Identifier(accumulate.Target) + "[" + index + "] += " + scale + Identifier(accumulate.Source) + "[" + index + "];");
                        writer.Close();
                        break;
                    case ReplayStatement replay:
                        writer.Line("for (int " + Identifier(replay.Iteration) + " = " + Identifier(replay.Counter) + "; "
                            + Identifier(replay.Iteration) + " > 0; " + Identifier(replay.Iteration) + "--)");
                        writer.Open();
                        WriteStatements(writer, replay.Body);
                        writer.Close();
                        break;
                    default:
                        writer.Line(Statement(statement));
                        break;
                }
            }
        }

        private static string Statement(CodeStatement statement) => statement switch
        {
            Declare declare => declare.Type.Keyword() + " " + Identifier(declare.Name) + " = " + Expression(declare.Value) + ";",
            Assign assign => Identifier(assign.Name) + " = " + Expression(assign.Value) + ";",
            ElementAddAssign { Value: Unary { Operator: UnaryOperator.Negate } negated } element => Identifier(element.Span) + "["
                + Expression(element.Index) + "] -= " + Expression(negated.Operand) + ";",
            ElementAddAssign element => Identifier(element.Span) + "[" + Expression(element.Index) + "] += " + Expression(element.Value) + ";",
            AddAssign { Value: Unary { Operator: UnaryOperator.Negate } negated } subtract => Identifier(subtract.Name) + " -= "
                + Expression(negated.Operand) + ";",
            AddAssign add => Identifier(add.Name) + " += " + Expression(add.Value) + ";",
            ReturnValue ret => "return " + Expression(ret.Value) + ";",
            ReturnVoid => "return;",
            TapeDeclaration tape => "global::Fluxion.Runtime.Tape<" + tape.Type.Keyword() + "> " + Identifier(tape.Tape)
                + " = new global::Fluxion.Runtime.Tape<" + tape.Type.Keyword() + ">();",
            PushStatement push => Identifier(push.Tape) + ".Push(" + Expression(push.Value) + ");",
            TapeRelease release => Identifier(release.Tape) + ".Dispose();",
            DeclareArray array => (array.Declares ? array.ElementType.Keyword() + "[] " : string.Empty) + Identifier(array.Name) + " = new "
                + array.ElementType.Keyword() + "[" + Expression(array.Length) + "];",
            // Not null!: the file must compile at the project's language version, C# 7.3 too; the empty array is never read.
            DeclareArrayAhead array => array.ElementType.Keyword() + "[] " + Identifier(array.Name) + " = global::System.Array.Empty<"
                + array.ElementType.Keyword() + ">();",
            ElementAssign element => Identifier(element.Array) + "[" + Expression(element.Index) + "] = " + Expression(element.Value) + ";",
            DeclareView { SourceIsArray: true } view => SpanType(view) + " " + Identifier(view.Name)
                + " = new " + SpanType(view) + "(" + Identifier(view.Source) + ", " + Expression(view.Start) + ", " + Expression(view.Length) + ");",
            DeclareView view => SpanType(view) + " " + Identifier(view.Name) + " = " + Identifier(view.Source) + ".Slice(" + Expression(view.Start)
                + ", " + Expression(view.Length) + ");",
            AdjointArrayRelease release => Identifier(release.Storage) + ".Dispose();",
            CallStatement call => Expression(call.Call) + ";",
            RunEffect effect => Effect(effect.Code),
            _ => throw new InvalidOperationException("cannot print " + statement.GetType().Name),
        };

        /// <summary>
        /// The effect's own text with its holes filled (a hole that is not a name is parenthesised, whatever surrounds it), between directives
        /// that keep away the warnings its site does not get.
        /// </summary>
        private static string Effect(EffectCode code)
        {
            var text = new System.Text.StringBuilder(code.Text[0]);
            for (int i = 0; i < code.Holes.Count; i++)
            {
                Expr hole = code.Holes[i];
                text.Append(hole is Variable or SequenceArgument ? Expression(hole) : "(" + Expression(hole) + ")").Append(code.Text[i + 1]);
            }

            text.Append(';');
            if (code.Suppressed.Count > 0)
            {
                string warnings = string.Join(", ", code.Suppressed);
                text.Insert(0, "#pragma warning disable " + warnings + "\n").Append("\n#pragma warning restore " + warnings);
            }

            if (code.NullableWarningsOff)
            {
                text.Insert(0, "#nullable disable warnings\n").Append("\n#nullable restore warnings");
            }

            return text.ToString();
        }

        private static string SpanType(DeclareView view) => "global::System." + (view.Writable ? "Span<" : "ReadOnlySpan<") + view.ElementType.Keyword() + ">";

        /// <summary>Prints an expression, adding parentheses only where C# precedence needs them.</summary>
        public static string Expression(Expr expression, int outerPrecedence = 0)
        {
            int precedence = Precedence(expression);
            string text = expression switch
            {
                Constant constant => Literal(constant.Value),
                IntegerConstant integer => IntegerLiteral(integer),
                BooleanConstant boolean => boolean.Value ? "true" : "false",
                Variable variable => Identifier(variable.Name),
                ExternalValue external => external.QualifiedName,
                Unary { Operator: UnaryOperator.Negate } negate => "-" + Operand(negate.Operand),
                Unary unary => "!" + Operand(unary.Operand),
                NumericConversion conversion => "(" + conversion.TargetType.Keyword() + ")" + Operand(conversion.Operand),
                Binary binary => Expression(binary.Left, precedence) + " " + OperatorText(binary.Operator) + " " + RightOperand(binary, precedence),
                Conditional conditional => Expression(conditional.Condition, Precedence(conditional) + 1) + " ? " + Expression(conditional.WhenTrue,
                    precedence) + " : " + Expression(conditional.WhenFalse, precedence),
                MathCall call => MathRules.QualifiedName(call.Function) + Arguments(call.Arguments, string.Empty),
                PassiveCall call => call.QualifiedMethod + Arguments(call.Arguments, string.Empty),
                TapePop pop => Identifier(pop.Tape) + ".Pop()",
                ElementRead element => Identifier(element.Array) + "[" + Expression(element.Index) + "]",
                SequenceLength length => Identifier(length.Array) + ".Length",
                SequenceArgument sequence => Identifier(sequence.Array),
                GradientInvocation call => call.QualifiedMethod + Arguments(call.Arguments, string.Concat(call.Outputs.Select((o, i) =>
                    ", " + (call.IsSpanOutput(i) ? Identifier(o) : o.Length == 0 ? "out _" : (call.DeclaresOutputs ? "out double " : "out ")
                        + Identifier(o))))),
                _ => throw new InvalidOperationException("cannot print " + expression.GetType().Name),
            };
            if (OverflowOf(expression) is OverflowCheck.Checked or OverflowCheck.Unchecked)
            {
                return (OverflowOf(expression) == OverflowCheck.Checked ? "checked(" : "unchecked(") + text + ")";
            }

            return precedence < outerPrecedence ? "(" + text + ")" : text;
        }

        private static OverflowCheck OverflowOf(Expr expression) => expression switch
        {
            Binary binary => binary.Overflow,
            NumericConversion conversion => conversion.Overflow,
            Unary unary => unary.Overflow,
            _ => OverflowCheck.Inherited,
        };

        /// <summary>The operand of a prefix operator; parenthesised when it would otherwise start with a sign (so <c>- -x</c> never prints as
        /// <c>--x</c>).</summary>
        private static string Operand(Expr operand)
        {
            string text = Expression(operand, UnaryPrecedence);
            return text.StartsWith("-", StringComparison.Ordinal) ? "(" + text + ")" : text;
        }

        /// <summary>
        /// The right operand of a binary operator; <c>+x</c> where a comparison reads one numeric variable on both sides (the source's
        /// <c>x &lt;= +x</c>, or a NaN test <c>x != x</c>), which C# would otherwise warn about in generated code (CS1718).
        /// </summary>
        private static string RightOperand(Binary binary, int precedence) =>
            binary is { Left: Variable left, Right: Variable right } && left == right && right.Type != ScalarType.Boolean
                && binary.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                    or BinaryOperator.Equal or BinaryOperator.NotEqual
                ? "+" + Identifier(right.Name)
                : Expression(binary.Right, precedence + 1);

        private static string Arguments(EquatableArray<Expr> arguments, string tail) =>
            "(" + string.Join(", ", arguments.Select(a => Expression(a))) + tail + ")";

        private const int UnaryPrecedence = 90;
        public const int MultiplicativePrecedence = 80;

        private static int Precedence(Expr expression) => expression switch
        {
            Constant c when c.Value < 0 || (c.Value == 0 && double.IsNegativeInfinity(1 / c.Value)) => UnaryPrecedence,
            IntegerConstant i when (i.Value < 0 && i.IntegerType != ScalarType.UInt64) || (i.IntegerType != ScalarType.Int32
                && i.IntegerType != ScalarType.Int64 && i.IntegerType != ScalarType.UInt32 && i.IntegerType != ScalarType.UInt64) => UnaryPrecedence,
            Unary or NumericConversion => UnaryPrecedence,
            Binary binary => binary.Operator switch
            {
                BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Remainder => MultiplicativePrecedence,
                BinaryOperator.Add or BinaryOperator.Subtract => 70,
                BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => 60,
                BinaryOperator.Equal or BinaryOperator.NotEqual => 50,
                BinaryOperator.And => 40,
                _ => 30,
            },
            Conditional => 20,
            _ => 100,
        };

        private static string OperatorText(BinaryOperator op) => op switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            BinaryOperator.Remainder => "%",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.Equal => "==",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "&&",
            _ => "||",
        };

        /// <summary>A double literal that reads back to exactly the same value.</summary>
        public static string Literal(double value)
        {
            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            if (double.IsInfinity(value))
            {
                return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
            }

            // "R" does not always round-trip on .NET Framework (where Visual Studio runs generators); G17 always does.
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(text, CultureInfo.InvariantCulture) != value)
            {
                text = value.ToString("G17", CultureInfo.InvariantCulture);
            }

            if (text == "0" && double.IsNegativeInfinity(1 / value))
            {
                return "-0.0";
            }

            return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
        }

        private static string IntegerLiteral(IntegerConstant constant)
        {
            string digits = constant.Value.ToString(CultureInfo.InvariantCulture);
            return constant.IntegerType switch
            {
                ScalarType.Int32 => digits,
                ScalarType.Int64 => digits + "L",
                ScalarType.UInt32 => digits + "U",
                ScalarType.UInt64 => unchecked((ulong)constant.Value).ToString(CultureInfo.InvariantCulture) + "UL",
                _ => "(" + constant.IntegerType.Keyword() + ")" + (constant.Value < 0 ? "(" + digits + ")" : digits),
            };
        }
    }
}
