using System.Collections.Generic;
using System.Linq;

namespace Fluxion.Generator.Model
{
    /// <summary>Walks over the frontend's statements, shared by the modes (as <see cref="CodeTree"/> is for generated code).</summary>
    internal static class StatementTree
    {
        /// <summary>
        /// The statements of a block and of every block nested in it, each before those nested in it, in source order: a flat
        /// list, so that walks over deep nesting stay linear.
        /// </summary>
        public static List<Statement> AllStatements(IEnumerable<Statement> block)
        {
            var all = new List<Statement>();
            void Add(IEnumerable<Statement> statements)
            {
                foreach (Statement statement in statements)
                {
                    all.Add(statement);
                    switch (statement)
                    {
                        case If branch:
                            Add(branch.Then);
                            Add(branch.Else);
                            break;
                        case Loop loop:
                            Add(loop.Body);
                            break;
                    }
                }
            }

            Add(block);
            return all;
        }

        /// <summary>The expressions a statement holds itself, not those of the blocks nested in it.</summary>
        public static IEnumerable<Expr> ExpressionsOf(Statement statement) => statement switch
        {
            Assignment assignment => new[] { assignment.Value },
            Return { Value: { } returned } => new[] { returned },
            If branch => new[] { branch.Condition },
            Loop loop => new[] { loop.Condition },
            ArrayDeclaration array => new[] { array.Length },
            ElementAssignment write => new[] { write.Index, write.Value },
            Effect effect => effect.Code.Holes.AsImmutableArray(),
            _ => System.Array.Empty<Expr>(),
        };

        /// <summary>True when an expression anywhere in <paramref name="block"/> reads an element of the array or span <paramref name="array"/>.</summary>
        public static bool ReadsElementOf(IEnumerable<Statement> block, string array) => AllStatements(block).SelectMany(ExpressionsOf)
            .Any(expression => ExprTree.ElementReads(expression).Any(read => read.Array == array));
    }
}
