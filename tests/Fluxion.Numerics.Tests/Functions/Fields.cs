using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>const and static readonly fields, of this type and of others, are constants.</summary>
    public static partial class Fields
    {
        public const double Gravity = 9.81;
        public const int Three = 3;
        public const double Third = 1.0 / 3.0;
        public const float FloatTenth = 0.1f;
        public static readonly double Half = 0.5;
        public static readonly double Tau = 2 * Math.PI;
        public static readonly double SqrtTwo = Math.Sqrt(2);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstField(double x) => Gravity * x * x / 2;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstIntField(double x) => x * Three;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstExpressionField(double x) => Math.Exp(x * Third);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstFloatField(double x) => FloatTenth * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StaticReadonlyField(double x, double y) => Half * x * y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StaticReadonlyComputed(double x) => Math.Sin(Tau * x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StaticReadonlyFromCall(double x) => SqrtTwo * x * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double FieldsOfAnotherType(double v) => PhysicalConstants.SpeedOfLight * v + PhysicalConstants.Boltzmann * v * v;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QualifiedOwnField(double x) => Fields.Gravity * x + Fields.Half;
    }

    /// <summary>A plain (not partial) class of constants in natural units.</summary>
    public static class PhysicalConstants
    {
        public const double SpeedOfLight = 299_792_458.0;
        public static readonly double Boltzmann = 1.380649e-23 * 1e23;
    }

    public static class FieldCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Fields))
        {
            { nameof(Fields.ConstField), D(U(-10, 10)), p => [Fields.Gravity * p[0]] },
            { nameof(Fields.ConstIntField), D(U(-10, 10)), p => [3] },
            { nameof(Fields.ConstExpressionField), D(U(-10, 10)), p => [Math.Exp(p[0] * Fields.Third) * Fields.Third] },
            { nameof(Fields.ConstFloatField), D(U(-10, 10)), p => [(double)Fields.FloatTenth] },
            { nameof(Fields.StaticReadonlyField), D(U(-10, 10), U(-10, 10)), p => [0.5 * p[1], 0.5 * p[0]] },
            { nameof(Fields.StaticReadonlyComputed), D(U(-2, 2)), p => [2 * Math.PI * Math.Cos(2 * Math.PI * p[0])] },
            { nameof(Fields.StaticReadonlyFromCall), D(U(-10, 10)), p => [2 * Math.Sqrt(2) * p[0]] },
            { nameof(Fields.FieldsOfAnotherType), D(U(-1, 1)), p => [PhysicalConstants.SpeedOfLight + 2 * PhysicalConstants.Boltzmann * p[0]] },
            { nameof(Fields.QualifiedOwnField), D(U(-10, 10)), p => [Fields.Gravity] },
        };
    }
}
