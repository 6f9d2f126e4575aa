using System;
using System.Collections.Generic;
using Fluxion;

namespace Fluxion.Samples.Trajectory
{
    /// <summary>
    /// A ball launched from the ground with quadratic air drag, a = −g·ŷ − k·|v|·v, integrated with the classical
    /// fourth-order Runge-Kutta method at a fixed time step.
    /// </summary>
    public static partial class Flight
    {
        /// <summary>Gravity, m/s².</summary>
        public const double Gravity = 9.81;

        /// <summary>
        /// The drag's acceleration along one axis, −k·|v|·v_along, with |v| = √(along² + across²); k (1/m) is the drag
        /// coefficient over the mass, ρ·C_d·A / 2m.
        /// </summary>
        [Differentiable]
        public static double Drag(double along, double across, double drag) =>
            -drag * Math.Sqrt(along * along + across * across) * along;

        /// <summary>
        /// How far a launch misses: (x_land − D)² + (t_land − T)², in metres and seconds, zero when the ball lands at distance D after
        /// T seconds. The flight is integrated with RK4 until the ball is below the ground (at most
        /// <paramref name="maxSteps"/> steps); the landing point and time are interpolated linearly between the last
        /// two steps, so that they move smoothly with the launch rather than by whole steps.
        /// </summary>
        /// <param name="angle">Launch angle above the horizontal, degrees.</param>
        /// <param name="speed">Launch speed, m/s.</param>
        /// <param name="drag">k, 1/m.</param>
        /// <param name="targetDistance">D, m.</param>
        /// <param name="targetTime">T, s.</param>
        /// <param name="step">The time step, s.</param>
        /// <param name="maxSteps">The most steps to take.</param>
        /// <remarks>Differentiated with respect to the launch only: Fluxion generates
        /// <c>Miss_Grad(angle, speed, drag, targetDistance, targetTime, step, maxSteps, out double dangle, out double dspeed)</c>.</remarks>
        [Differentiable(nameof(angle), nameof(speed))]
        public static double Miss(double angle, double speed, double drag, double targetDistance, double targetTime, double step, int maxSteps)
        {
            double radians = angle * Math.PI / 180.0;
            double x = 0.0, y = 0.0, time = 0.0;
            double vx = speed * Math.Cos(radians), vy = speed * Math.Sin(radians);
            double previousX = x, previousY = y, previousTime = time;
            for (int n = 0; n < maxSteps && y >= 0.0; n++)
            {
                previousX = x;
                previousY = y;
                previousTime = time;

                double ax1 = Drag(vx, vy, drag), ay1 = Drag(vy, vx, drag) - Gravity;
                double vx2 = vx + 0.5 * step * ax1, vy2 = vy + 0.5 * step * ay1;
                double ax2 = Drag(vx2, vy2, drag), ay2 = Drag(vy2, vx2, drag) - Gravity;
                double vx3 = vx + 0.5 * step * ax2, vy3 = vy + 0.5 * step * ay2;
                double ax3 = Drag(vx3, vy3, drag), ay3 = Drag(vy3, vx3, drag) - Gravity;
                double vx4 = vx + step * ax3, vy4 = vy + step * ay3;
                double ax4 = Drag(vx4, vy4, drag), ay4 = Drag(vy4, vx4, drag) - Gravity;

                x += step / 6.0 * (vx + 2.0 * vx2 + 2.0 * vx3 + vx4);
                y += step / 6.0 * (vy + 2.0 * vy2 + 2.0 * vy3 + vy4);
                vx += step / 6.0 * (ax1 + 2.0 * ax2 + 2.0 * ax3 + ax4);
                vy += step / 6.0 * (ay1 + 2.0 * ay2 + 2.0 * ay3 + ay4);
                time += step;
            }

            double fraction = previousY / (previousY - y);
            double landingX = previousX + fraction * (x - previousX);
            double landingTime = previousTime + fraction * (time - previousTime);
            double distanceMiss = landingX - targetDistance;
            double timeMiss = landingTime - targetTime;
            return distanceMiss * distanceMiss + timeMiss * timeMiss;
        }


        /// <summary>
        /// The same flight as <see cref="Miss"/>, step for step, for pictures and reports: the positions after each step
        /// and where and when the ball lands. (<see cref="Miss"/> returns one number for the optimiser; the path is
        /// traced here by the same RK4 steps, and Program checks that both land in the same place.)
        /// </summary>
        public static Landing Trace(double angle, double speed, double drag, double step, int maxSteps)
        {
            double radians = angle * Math.PI / 180.0;
            var path = new List<(double X, double Y)> { (0.0, 0.0) };
            double x = 0.0, y = 0.0, time = 0.0;
            double vx = speed * Math.Cos(radians), vy = speed * Math.Sin(radians);
            double previousX = x, previousY = y, previousTime = time;
            for (int n = 0; n < maxSteps && y >= 0.0; n++)
            {
                previousX = x;
                previousY = y;
                previousTime = time;

                double ax1 = Drag(vx, vy, drag), ay1 = Drag(vy, vx, drag) - Gravity;
                double vx2 = vx + 0.5 * step * ax1, vy2 = vy + 0.5 * step * ay1;
                double ax2 = Drag(vx2, vy2, drag), ay2 = Drag(vy2, vx2, drag) - Gravity;
                double vx3 = vx + 0.5 * step * ax2, vy3 = vy + 0.5 * step * ay2;
                double ax3 = Drag(vx3, vy3, drag), ay3 = Drag(vy3, vx3, drag) - Gravity;
                double vx4 = vx + step * ax3, vy4 = vy + step * ay3;
                double ax4 = Drag(vx4, vy4, drag), ay4 = Drag(vy4, vx4, drag) - Gravity;

                x += step / 6.0 * (vx + 2.0 * vx2 + 2.0 * vx3 + vx4);
                y += step / 6.0 * (vy + 2.0 * vy2 + 2.0 * vy3 + vy4);
                vx += step / 6.0 * (ax1 + 2.0 * ax2 + 2.0 * ax3 + ax4);
                vy += step / 6.0 * (ay1 + 2.0 * ay2 + 2.0 * ay3 + ay4);
                time += step;
                path.Add((x, y));
            }

            double fraction = previousY / (previousY - y);
            double landingX = previousX + fraction * (x - previousX);
            path[^1] = (landingX, 0.0);
            return new Landing(landingX, previousTime + fraction * (time - previousTime), path);
        }
    }

    /// <summary>Where (m) and when (s) a ball lands, and the positions it passed through, the last one the landing.</summary>
    public sealed record Landing(double Distance, double Time, IReadOnlyList<(double X, double Y)> Path);
}
