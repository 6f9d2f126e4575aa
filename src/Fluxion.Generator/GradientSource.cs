using System;
using System.Collections.Immutable;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Differentiation;
using Fluxion.Generator.Emission;
using Fluxion.Generator.Model;
using Fluxion.Generator.Simplification;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator
{
    /// <summary>The stages after parsing, for one method: differentiate, simplify, emit. Never throws.</summary>
    internal sealed class GradientSource
    {
        private GradientSource(string? text, ImmutableArray<Diagnostic> diagnostics)
        {
            Text = text;
            Diagnostics = diagnostics;
        }

        /// <summary>The generated file, or null when generation failed.</summary>
        public string? Text { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <param name="nullableDirective">Whether the file may start with <c>#nullable enable</c> (C# 8 and later).</param>
        public static GradientSource Build(MethodModel method, bool nullableDirective)
        {
            try
            {
                GradientMethod gradient = ReverseModeDifferentiator.Differentiate(method);
                return new GradientSource(Emitter.Emit(Simplifier.Simplify(gradient), nullableDirective), ImmutableArray<Diagnostic>.Empty);
            }
            catch (Exception exception)
            {
                var diagnostic = Diagnostic.Create(DiagnosticDescriptors.InternalError, method.Location.Value?.ToLocation(), method.FullName, exception.GetType().Name + ": " + exception.Message);
                return new GradientSource(null, ImmutableArray.Create(diagnostic));
            }
        }
    }
}
