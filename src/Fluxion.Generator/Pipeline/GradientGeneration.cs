using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Emission;
using Fluxion.Generator.Model;
using Fluxion.Generator.Modes.Forward;
using Fluxion.Generator.Modes.Reverse;
using Fluxion.Generator.Modes.SecondOrder;
using Fluxion.Generator.Optimization;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>One generated method's file (<c>F_Grad</c>, <c>F_Jvp</c>, …), or the diagnostic that says why there is none.</summary>
    /// <param name="Text">The generated file, or null when generation failed.</param>
    internal sealed record GeneratedFile(DerivativeKinds Kind, string HintName, string? Text, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>
    /// Everything generated for one method. It compares by value, so the pipeline keeps it while the method's model stays
    /// equal: an edit elsewhere differentiates nothing again.
    /// </summary>
    /// <param name="Calls">The method's calls of <c>[Differentiable]</c> methods: it gets a kind only where they get what that kind calls.</param>
    internal sealed record GeneratedGradient(
        string Key,
        string FullName,
        EquatableArray<GeneratedFile> Files,
        EquatableArray<CallSite> Calls,
        UncomparedLocation Location);

    /// <summary>The stages after the frontend, for one method and each kind it asks for: differentiate, simplify, emit. Never throws.</summary>
    internal static class GradientGeneration
    {
        /// <param name="nullableDirective">Whether the file may start with <c>#nullable enable</c> (C# 8 and later).</param>
        public static GeneratedGradient Generate(MethodModel method, bool nullableDirective)
        {
            // Hvp and Hessian share one file, both calling the same core; a vector-valued method's kinds share one too (its
            // Jacobian calls its F_Vjp and F_Jvp).
            var kinds = new List<DerivativeKinds>();
            if (method.Output is not null)
            {
                kinds.Add(method.Derivatives);
            }
            else
            {
                kinds.AddRange((method.Derivatives & ~DerivativeKindsExtensions.SecondOrder).Each());
                if ((method.Derivatives & DerivativeKindsExtensions.SecondOrder) != 0)
                {
                    kinds.Add(method.Derivatives & DerivativeKindsExtensions.SecondOrder);
                }
            }

            var files = kinds.Select(kind => Generate(method, kind, nullableDirective)).ToEquatableArray();
            return new GeneratedGradient(method.Key, method.FullName, files, method.Calls, method.Location);
        }

        private static GeneratedFile Generate(MethodModel method, DerivativeKinds kind, bool nullableDirective)
        {
            string hintName = HintName(method, kind);
            try
            {
                string text = kind switch
                {
                    _ when method.Output is not null => VectorEmitter.Emit(method,
                        NeedsVjp(kind) ? Simplifier.Simplify(ReverseModeDifferentiator.Differentiate(method)) : null,
                        NeedsJvp(kind) ? Simplifier.Simplify(ForwardModeDifferentiator.Differentiate(method)) : null,
                        kind, nullableDirective),
                    DerivativeKinds.Gradient => GradientEmitter.Emit(Simplifier.Simplify(ReverseModeDifferentiator.Differentiate(method)), nullableDirective),
                    DerivativeKinds.Jvp => JvpEmitter.Emit(Simplifier.Simplify(ForwardModeDifferentiator.Differentiate(method)), nullableDirective),
                    _ when (kind & ~DerivativeKindsExtensions.SecondOrder) == 0 => SecondOrderEmitter.Emit(method, SecondOrderCore(method),
                        kind, nullableDirective),
                    _ => throw new InvalidOperationException("no generator for " + kind),
                };
                return new GeneratedFile(kind, hintName, text, EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (Exception exception)
            {
                string reason = exception.GetType().Name + ": " + exception.Message;
                var diagnostic = new DiagnosticInfo(DiagnosticDescriptors.InternalError, method.Location.Value, EquatableArray.Create(method.FullName, reason));
                return new GeneratedFile(kind, hintName, null, EquatableArray.Create(diagnostic));
            }
        }

        /// <summary>A vector-valued method's F_Vjp is generated for Vjp, and for the Jacobian, which calls it.</summary>
        private static bool NeedsVjp(DerivativeKinds kinds) => (kinds & DerivativeKindsExtensions.VectorValued) != 0;

        /// <summary>A vector-valued method's F_Jvp is generated for Jvp, and for the Jacobian, which calls it.</summary>
        private static bool NeedsJvp(DerivativeKinds kinds) => (kinds & (DerivativeKinds.Jvp | DerivativeKinds.Jacobian)) != 0;

        /// <summary>Reverse mode over forward mode: the gradient of the method's tangent program.</summary>
        private static GradientMethod SecondOrderCore(MethodModel method)
        {
            MethodModel tangentProgram = TangentProgram.ToModel(Simplifier.Simplify(ForwardModeDifferentiator.DifferentiateWithDots(method)));
            return Simplifier.Simplify(ReverseModeDifferentiator.Differentiate(tangentProgram));
        }

        /// <summary>The gradient keeps the method's hint name; every other kind puts its name before the extension.</summary>
        private static string HintName(MethodModel method, DerivativeKinds kind)
        {
            if (kind == DerivativeKinds.Gradient)
            {
                return method.HintName;
            }

            // F.….g.cs becomes F.….Jvp.g.cs, or F.….HessianAndHvp.g.cs for the file both second-order kinds share (JacobianAndVjp alike).
            const string Extension = ".g.cs";
            string stem = method.HintName.EndsWith(Extension, StringComparison.Ordinal)
                ? method.HintName.Substring(0, method.HintName.Length - Extension.Length)
                : method.HintName;
            return stem + "." + kind.ToString().Replace(", ", "And") + Extension;
        }
    }
}
