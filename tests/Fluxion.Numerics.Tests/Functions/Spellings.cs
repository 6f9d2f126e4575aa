using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;
using static System.Math;
using M = System.Math;

namespace Fluxion.Numerics.Tests.Functions;

/// <summary>
/// The Math functions spelled as users write them: through <c>using static System.Math</c>, an alias,
/// full qualification and <c>global::</c>; Math's and double's other constants. A file-scoped namespace.
/// </summary>
public static partial class Spellings
{
    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double UsingStatic(double x) => Sin(x) * PI + Exp(x) * E;

    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double Alias(double x) => M.Cos(x) * M.PI;

    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double FullyQualified(double x) => System.Math.Sin(x) + global::System.Math.Exp(x);

    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double TauAndDoublePi(double x) => System.Math.Tau * x + double.Pi * x * x + double.E;

    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double UsingStaticTwoArguments(double x, double y) => Atan2(y, x) + Pow(x, 2) + Max(x, y) + Log(x, 3);
}

public static class SpellingCases
{
    public static IEnumerable<GradientCase> All() => new CaseList(typeof(Spellings))
    {
        { nameof(Spellings.UsingStatic), D(U(-5, 5)), p => [Cos(p[0]) * PI + Exp(p[0]) * E] },
        { nameof(Spellings.Alias), D(U(-5, 5)), p => [-Sin(p[0]) * PI] },
        { nameof(Spellings.FullyQualified), D(U(-5, 5)), p => [Cos(p[0]) + Exp(p[0])] },
        { nameof(Spellings.TauAndDoublePi), D(U(-5, 5)), p => [Tau + 2 * PI * p[0]] },
        {
            nameof(Spellings.UsingStaticTwoArguments),
            D(LogU(0.1, 5), U(-5, 5)).Where(p => Abs(p[0] - p[1]) > 0.01),
            p =>
            {
                double x = p[0], y = p[1], r2 = x * x + y * y;
                return [-y / r2 + 2 * x + (x > y ? 1 : 0) + 1 / (x * Log(3)), x / r2 + (x > y ? 0 : 1)];
            }
        },
    };
}
