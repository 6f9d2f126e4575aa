using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Frontend;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Forward mode: tangents are simplified freely, the primal computation only where that is exact.</summary>
    internal static partial class Simplifier
    {
        public static TangentMethod Simplify(TangentMethod method)
        {
            var tangents = new HashSet<string>(method.Tangents) { SignatureChecks.JvpOutputName };
            CodeStatement SimplifyOne(CodeStatement statement) => statement switch
            {
                Declare declare when tangents.Contains(declare.Name) => SimplifyStatement(declare, exactOnly: false),
                Assign assign when tangents.Contains(assign.Name) => SimplifyStatement(assign, exactOnly: false),
                ElementAssign element when tangents.Contains(element.Array) => element with
                {
                    Index = SimplifyExpression(element.Index, exactOnly: true),
                    Value = SimplifyExpression(element.Value, exactOnly: false),
                },
                IfStatement branch => branch with
                {
                    Condition = SimplifyExpression(branch.Condition, exactOnly: true),
                    Then = branch.Then.Select(SimplifyOne).ToEquatableArray(),
                    Else = branch.Else.Select(SimplifyOne).ToEquatableArray(),
                },
                LoopStatement loop => loop with
                {
                    Condition = SimplifyExpression(loop.Condition, exactOnly: true),
                    Body = loop.Body.Select(SimplifyOne).ToEquatableArray(),
                },
                _ => SimplifyStatement(statement, exactOnly: true),
            };

            return method with { Body = method.Body.Select(SimplifyOne).ToEquatableArray() };
        }
    }
}
