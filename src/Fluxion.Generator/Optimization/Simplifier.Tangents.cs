using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Forward mode: tangents are simplified freely, the primal computation only where that is exact.</summary>
    internal static partial class Simplifier
    {
        public static TangentMethod Simplify(TangentMethod method)
        {
            var tangents = new HashSet<string>(method.Tangents) { GeneratedNames.Derivative };
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

            var body = method.Body.Select(SimplifyOne).ToList();
            body = ForwardCopies(body, tangents);
            RemoveUnreadTangents(body, tangents);
            return method with { Body = body.ToEquatableArray() };
        }

        /// <summary>
        /// Drops the tangents nothing reads (a local that depends on an input but only feeds a condition): no dead stores,
        /// and no CS0219 for one only ever assigned a constant.
        /// </summary>
        private static void RemoveUnreadTangents(List<CodeStatement> body, HashSet<string> tangents)
        {
            while (true)
            {
                var read = new HashSet<string>(CodeTree.AllStatements(body).SelectMany(CodeTree.OwnReads), System.StringComparer.Ordinal);
                var unread = new HashSet<string>(
                    CodeTree.AllStatements(body).OfType<Declare>().Select(d => d.Name).Where(name => tangents.Contains(name) && !read.Contains(name)),
                    System.StringComparer.Ordinal);
                if (unread.Count == 0)
                {
                    return;
                }

                RemoveStores(body, unread);
            }
        }

        /// <summary>
        /// Drops a tangent assigned to itself, and a tangent declared as a copy of another (<c>double dsum = dexp;</c>) when neither is assigned again: every
        /// read of the copy reads the original instead. The original is declared before the copy, so it is in scope wherever
        /// the copy was.
        /// </summary>
        private static List<CodeStatement> ForwardCopies(List<CodeStatement> body, HashSet<string> tangents)
        {
            var writes = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (string name in CodeTree.AllStatements(body).SelectMany(WrittenOrDeclared))
            {
                writes[name] = writes.TryGetValue(name, out int count) ? count + 1 : 1;
            }

            // A parameter (a direction) has a value before any statement: one written once more is written twice.
            var declared = new HashSet<string>(CodeTree.AllStatements(body).OfType<Declare>().Select(d => d.Name), System.StringComparer.Ordinal);
            var copies = new Dictionary<string, Expr>(System.StringComparer.Ordinal);
            foreach (Declare copy in CodeTree.AllStatements(body).OfType<Declare>())
            {
                if (tangents.Contains(copy.Name) && copy.Value is Variable original && writes[copy.Name] == 1
                    && declared.Contains(original.Name) && writes[original.Name] == 1)
                {
                    copies[copy.Name] = copies.TryGetValue(original.Name, out Expr? earlier) ? earlier : original;
                }
            }

            // A tangent whose terms all folded away may be left assigned to itself (da = da + 0.0 * …): C# warns (CS1717).
            List<CodeStatement> Rewritten(IEnumerable<CodeStatement> block) => block
                .Where(statement => statement is not Declare declare || !copies.ContainsKey(declare.Name))
                .Where(statement => statement is not Assign { Value: Variable same } assign || same.Name != assign.Name)
                .Select(statement => WithBlocks(
                    MapExpressions(statement, e => ExprTree.Rewrite(e, node => node is Variable v && copies.TryGetValue(v.Name, out Expr? to) ? to : null)),
                    CodeTree.Blocks(statement).Select(inner => Rewritten(inner).ToEquatableArray()).ToList()))
                .ToList();
            return Rewritten(body);
        }

        private static IEnumerable<string> WrittenOrDeclared(CodeStatement statement) => statement switch
        {
            Declare declare => new[] { declare.Name }.Concat(OutputsOf(declare.Value)),
            Assign assign => new[] { assign.Name }.Concat(OutputsOf(assign.Value)),
            _ => Enumerable.Empty<string>(),
        };

        private static IEnumerable<string> OutputsOf(Expr value) => value is GradientInvocation call ? call.Outputs : Enumerable.Empty<string>();
    }
}
