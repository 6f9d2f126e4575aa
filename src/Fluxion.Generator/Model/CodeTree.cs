using System.Collections.Generic;
using System.Linq;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Model
{
    /// <summary>Generic walks over generated statements, shared by the stages that produce and tidy them.</summary>
    internal static class CodeTree
    {
        /// <summary>The blocks nested in a statement (the sides of an if, the body of a loop).</summary>
        public static IEnumerable<EquatableArray<CodeStatement>> Blocks(CodeStatement statement) => statement switch
        {
            IfStatement branch => new[] { branch.Then, branch.Else },
            LoopStatement loop => new[] { loop.Body },
            ReplayStatement replay => new[] { replay.Body },
            _ => Enumerable.Empty<EquatableArray<CodeStatement>>(),
        };

        /// <summary>Every variable a statement reads, nested blocks included.</summary>
        public static IEnumerable<string> ReadVariables(CodeStatement statement) => statement switch
        {
            Declare declare => VariablesOf(declare.Value),
            Assign assign => VariablesOf(assign.Value),
            AddAssign add => VariablesOf(add.Value),
            ReturnValue ret => VariablesOf(ret.Value),
            IfStatement branch => VariablesOf(branch.Condition).Concat(branch.Then.Concat(branch.Else).SelectMany(ReadVariables)),
            LoopStatement loop => VariablesOf(loop.Condition).Concat(loop.Body.SelectMany(ReadVariables)),
            ReplayStatement replay => new[] { replay.Counter }.Concat(replay.Body.SelectMany(ReadVariables)),
            PushStatement push => VariablesOf(push.Value),
            ElementAddAssign element => VariablesOf(element.Index).Concat(VariablesOf(element.Value)),
            ElementAssign element => VariablesOf(element.Index).Concat(VariablesOf(element.Value)),
            DeclareArray array => VariablesOf(array.Length),
            CallStatement call => VariablesOf(call.Call),
            AccumulateScaled accumulate => VariablesOf(accumulate.Scale).Concat(VariablesOf(accumulate.Length)),
            AdjointArrayDeclaration array => VariablesOf(array.Length),
            _ => Enumerable.Empty<string>(),
        };
    }
}
