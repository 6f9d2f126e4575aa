using System.Collections.Generic;

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
    }
}
