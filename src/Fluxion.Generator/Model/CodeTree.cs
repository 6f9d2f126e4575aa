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

        /// <summary>
        /// The statements of a block and of every block nested in it, outer before inner. A flat list, so that walks
        /// over deeply nested code (a long else-if chain) stay linear instead of stacking one iterator per level.
        /// </summary>
        public static List<CodeStatement> AllStatements(IEnumerable<CodeStatement> block)
        {
            var all = new List<CodeStatement>();
            void Add(IEnumerable<CodeStatement> statements)
            {
                foreach (CodeStatement statement in statements)
                {
                    all.Add(statement);
                    foreach (EquatableArray<CodeStatement> inner in Blocks(statement))
                    {
                        Add(inner);
                    }
                }
            }

            Add(block);
            return all;
        }

        /// <summary>Every variable a statement reads, nested blocks included.</summary>
        public static IEnumerable<string> ReadVariables(CodeStatement statement) => AllStatements(new[] { statement }).SelectMany(OwnReads);

        /// <summary>The variables a statement reads itself, not in the blocks nested in it.</summary>
        public static IEnumerable<string> OwnReads(CodeStatement statement) => statement switch
        {
            Declare declare => VariablesOf(declare.Value),
            Assign assign => VariablesOf(assign.Value),
            AddAssign add => VariablesOf(add.Value),
            ReturnValue ret => VariablesOf(ret.Value),
            IfStatement branch => VariablesOf(branch.Condition),
            LoopStatement loop => VariablesOf(loop.Condition),
            ReplayStatement replay => new[] { replay.Counter },
            PushStatement push => VariablesOf(push.Value),
            ElementAddAssign element => VariablesOf(element.Index).Concat(VariablesOf(element.Value)),
            ElementAssign element => VariablesOf(element.Index).Concat(VariablesOf(element.Value)),
            DeclareArray array => VariablesOf(array.Length),
            CallStatement call => VariablesOf(call.Call),
            RunEffect effect => effect.Code.Holes.SelectMany(VariablesOf),
            AccumulateScaled accumulate => VariablesOf(accumulate.Scale).Concat(VariablesOf(accumulate.Length)),
            AdjointArrayDeclaration array => VariablesOf(array.Length),
            DeclareView view => VariablesOf(view.Start).Concat(VariablesOf(view.Length)),
            _ => Enumerable.Empty<string>(),
        };
    }
}
