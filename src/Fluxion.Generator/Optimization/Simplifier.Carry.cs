using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.CodeTree;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Contributions a fused stencil loop passes from one iteration to the next in a local.</summary>
    internal static partial class Simplifier
    {
        /// <summary>
        /// In a fused loop whose counter <c>i</c> goes up by one, each iteration adds into <c>d[i + c]</c> and
        /// <c>d[i + c + 1]</c> of a gradient span (a stencil, such as Rosenbrock's <c>x[i + 1] - x[i] * x[i]</c>). Element
        /// <c>i + c</c> has then had every contribution once iteration <c>i</c> has run: the one from iteration
        /// <c>i - 1</c> is carried in a local (<c>dx_next</c>) instead of added to memory and read back, and the element
        /// is written once. When nothing before the loop wrote the span it is still all zeros there, so the element is
        /// assigned rather than added to. After the loop the last carried contribution goes to its element unless it is
        /// zero: it is when the loop did not run, so an empty loop never indexes past the span (and when the last
        /// contribution was ±0, which adds nothing). As when two contributions are merged, the sum of an element's
        /// contributions is grouped differently, which can change its last bit, never more.
        /// </summary>
        private static void CarryNextElements(GradientMethod method, List<CodeStatement> forward, List<CodeStatement> backward)
        {
            var spans = new HashSet<string>(method.Source.Parameters.Where(p => p.Sequence is not null && p.IsDifferentiable).Select(p
                => p.OutputName), StringComparer.Ordinal);
            NameAllocator names = NamesTaken(method, forward, backward);
            for (int l = 0; l < forward.Count; l++)
            {
                if (forward[l] is not LoopStatement loop || UnitStep(loop.Body) is not { } step)
                {
                    continue;
                }

                (string counter, int stepIndex) = step;

                var body = loop.Body.ToList();
                foreach (string span in spans)
                {
                    // Exactly two statements write the span, both plain additions at the top level before the step; none reads it.
                    var writes = Enumerable.Range(0, body.Count).Where(i => body[i] is ElementAddAssign add && add.Span == span).ToList();
                    if (writes.Count != 2
                        || body.Count(s => WrittenArrays(s).Contains(span)) != 2
                        || AllStatements(body).SelectMany(ExpressionsOf).SelectMany(ElementReads).Any(read => read.Array == span)
                        || writes.Any(w => w > stepIndex))
                    {
                        continue;
                    }

                    var first = (ElementAddAssign)body[writes[0]];
                    var second = (ElementAddAssign)body[writes[1]];
                    if (OffsetFrom(first.Index, counter) is not long firstOffset || OffsetFrom(second.Index, counter) is not long secondOffset
                        || Math.Abs(firstOffset - secondOffset) != 1)
                    {
                        continue;
                    }

                    // The lower element's contribution is stored; the higher one's is carried, so it must be set after the store reads the carry.
                    int lowIndex = firstOffset < secondOffset ? writes[0] : writes[1];
                    int highIndex = firstOffset < secondOffset ? writes[1] : writes[0];
                    var low = (ElementAddAssign)body[lowIndex];
                    var high = (ElementAddAssign)body[highIndex];
                    if (highIndex < lowIndex && body.Skip(highIndex + 1).Take(lowIndex - highIndex).SelectMany(WrittenVariables)
                        .Intersect(VariablesOf(high.Value)).Any())
                    {
                        continue;
                    }

                    string carry = names.Allocate(span + "_next");
                    var carried = new Variable(carry, ScalarType.Double);
                    Expr stored = SimplifyExpression(new Binary(BinaryOperator.Add, carried, low.Value, ScalarType.Double), exactOnly: false);
                    bool untouched = !AllStatements(forward.Take(l)).Any(s => WrittenArrays(s).Contains(span));
                    body[lowIndex] = untouched ? new ElementAssign(span, low.Index, stored) : low with { Value = stored };
                    // (Both writes are before the step, and the body keeps its length, so stepIndex stays right.)
                    body.RemoveAt(highIndex);
                    body.Insert(highIndex < lowIndex ? lowIndex : highIndex, new Assign(carry, high.Value));
                    loop = loop with { Body = body.ToEquatableArray() };

                    forward[l] = loop;
                    forward.Insert(l, new Declare(carry, ScalarType.Double, Constant.Zero));
                    l++;
                    forward.Insert(
                        l + 1,
                        new IfStatement(
                            new Binary(BinaryOperator.NotEqual, carried, Constant.Zero, ScalarType.Boolean),
                            new CodeStatement[] { new ElementAddAssign(span, low.Index, carried) }.ToEquatableArray(),
                            EquatableArray<CodeStatement>.Empty));
                }
            }
        }

        /// <summary>
        /// The integer counter a loop body steps up by one, once, at the top level (<c>int i_2 = i + 1; … i = i_2;</c>), with
        /// the index of that step; null when the body writes it (or the step's temporary) anywhere else. With
        /// <paramref name="counter"/> given, only that variable is considered.
        /// </summary>
        private static (string Counter, int StepIndex)? UnitStep(EquatableArray<CodeStatement> body, string? counter = null)
        {
            List<string> written = AllStatements(body).SelectMany(WrittenHere).ToList();
            for (int i = body.Count - 1; i >= 0; i--)
            {
                if (body[i] is not Assign { Value: var value } step || (counter is not null && step.Name != counter))
                {
                    continue;
                }

                Expr increment = value is Variable next && !written.Contains(next.Name)
                    && body.Take(i).OfType<Declare>().LastOrDefault(d => d.Name == next.Name) is { } declare ? declare.Value : value;
                if (increment is Binary { Operator: BinaryOperator.Add, Left: Variable counted, Right: IntegerConstant { Value: 1 } }
                    && counted.Name == step.Name
                    && counted.Type == ScalarType.Int32
                    && written.Count(n => n == step.Name) == 1)
                {
                    return (step.Name, i);
                }
            }

            return null;
        }

        /// <summary>c for an index <c>counter</c>, <c>counter + c</c>, <c>c + counter</c> or <c>counter - c</c> with a constant c.</summary>
        private static long? OffsetFrom(Expr index, string counter) => index switch
        {
            Variable variable when variable.Name == counter => 0,
            Binary { Operator: BinaryOperator.Add, Left: Variable variable, Right: IntegerConstant constant } when variable.Name == counter => constant.Value,
            Binary { Operator: BinaryOperator.Add, Left: IntegerConstant constant, Right: Variable variable } when variable.Name == counter => constant.Value,
            Binary { Operator: BinaryOperator.Subtract, Left: Variable variable, Right: IntegerConstant constant } when variable.Name == counter
                => -constant.Value,
            _ => null,
        };
    }
}
