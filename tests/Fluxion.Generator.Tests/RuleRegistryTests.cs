using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;

namespace Fluxion.Generator.Tests
{
    /// <summary>What each primitive's rule reads decides what every mode keeps: linear operations keep nothing.</summary>
    public class RuleRegistryTests
    {
        private static readonly Variable X = new("x", ScalarType.Double);
        private static readonly Variable Y = new("y", ScalarType.Double);

        [Fact]
        public void SumsDifferencesAndNegationsReadNothing()
        {
            AssertReads(new Binary(BinaryOperator.Add, X, Y, ScalarType.Double), new[] { false, false }, result: false);
            AssertReads(new Binary(BinaryOperator.Subtract, X, Y, ScalarType.Double), new[] { false, false }, result: false);
            AssertReads(new Unary(UnaryOperator.Negate, X, ScalarType.Double), new[] { false }, result: false);
        }

        [Fact]
        public void AProductReadsTheOtherSideOfEachActiveOperand()
        {
            var product = new Binary(BinaryOperator.Multiply, X, Y, ScalarType.Double);
            AssertReads(product, new[] { true, true }, result: false);
            (bool[] operands, _) = RuleRegistry.Reads(product, e => e == X);
            Assert.Equal(new[] { false, true }, operands);
            AssertReads(new Binary(BinaryOperator.Multiply, X, new Constant(3.0), ScalarType.Double), new[] { false, false }, result: false);
        }

        [Fact]
        public void AQuotientReadsItsDivisorAndItsResult()
        {
            AssertReads(new Binary(BinaryOperator.Divide, X, Y, ScalarType.Double), new[] { false, true }, result: true);
            // 1/y: −(1/y)² reads only the result.
            AssertReads(new Binary(BinaryOperator.Divide, Constant.One, Y, ScalarType.Double), new[] { false, false }, result: true);
        }

        [Fact]
        public void MathFunctionsReadWhatTheirTableEntrySays()
        {
            AssertReads(new MathCall("Exp", EquatableArray.Create<Expr>(X)), new[] { false }, result: true);
            AssertReads(new MathCall("Sin", EquatableArray.Create<Expr>(X)), new[] { true }, result: false);
            AssertReads(new MathCall("Floor", EquatableArray.Create<Expr>(X)), new[] { false }, result: false);
        }

        [Fact]
        public void ZeroPartialsLetNothingFlow()
        {
            Partial?[] partials = RuleRegistry.Partials(new MathCall("Floor", EquatableArray.Create<Expr>(X)), new Variable("r", ScalarType.Double));
            Assert.Null(Assert.Single(partials));
        }

        [Fact]
        public void TheSquareRuleGivesOnePartialOfTwoX()
        {
            Partial?[] partials = RuleRegistry.Partials(new Binary(BinaryOperator.Multiply, X, X, ScalarType.Double), new Variable("r", ScalarType.Double));
            Assert.Equal(new Binary(BinaryOperator.Multiply, new Constant(2.0), X, ScalarType.Double), partials[0]!.Value);
            Assert.Null(partials[1]);
        }

        [Fact]
        public void ComparisonsAndIntegerArithmeticHaveNoRule()
        {
            Assert.Null(RuleRegistry.Find(new Binary(BinaryOperator.Less, X, Y, ScalarType.Boolean)));
            var i = new Variable("i", ScalarType.Int32);
            Assert.Null(RuleRegistry.Find(new Binary(BinaryOperator.Multiply, i, i, ScalarType.Int32)));
        }

        private static void AssertReads(Expr node, bool[] operands, bool result)
        {
            (bool[] readOperands, bool readResult) = RuleRegistry.Reads(node, e => e is Variable);
            Assert.Equal(operands, readOperands);
            Assert.Equal(result, readResult);
        }
    }
}
