using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// <see cref="Network8x32"/> written with the hidden activations a2 in a local array, as a user with arrays would
    /// write it: the same network, inputs and result; the gradient goes through the array's element adjoints.
    /// </summary>
    public static partial class Network8x32Arrays
    {
        private const int Inputs = Network8x32.Inputs;
        private const int Hidden = Network8x32.Hidden;

        /// <summary>The primal with the hidden activations in a new array for each sample; Fluxion generates <c>CostFresh_Grad</c>.</summary>
        [Differentiable(nameof(theta1), nameof(theta2))]
        public static double CostFresh(double[] theta1, double[] theta2, double[] x, double[] y, double lambda)
        {
            int m = y.Length;
            int columns1 = Inputs + 1;
            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                double[] a2 = new double[Hidden];
                for (int j = 0; j < Hidden; j++)
                {
                    double z2 = theta1[j * columns1];
                    for (int k = 0; k < Inputs; k++)
                    {
                        z2 += theta1[j * columns1 + 1 + k] * x[i * Inputs + k];
                    }
                    a2[j] = Network8x32.Sigmoid(z2);
                }
                double z3 = theta2[0];
                for (int j = 0; j < Hidden; j++)
                {
                    z3 += theta2[1 + j] * a2[j];
                }
                double a3 = Network8x32.Sigmoid(z3);
                double target = y[i];
                total -= target * Math.Log(a3) + (1.0 - target) * Math.Log(1.0 - a3);
            }
            double squares = 0.0;
            for (int j = 0; j < Hidden; j++)
            {
                for (int k = 1; k < columns1; k++)
                {
                    double weight = theta1[j * columns1 + k];
                    squares += weight * weight;
                }
            }
            for (int k = 1; k < Hidden + 1; k++)
            {
                double weight = theta2[k];
                squares += weight * weight;
            }
            return total / m + lambda / (2.0 * m) * squares;
        }

        /// <summary>The same with one array of activations, created before the loop and overwritten by every sample.</summary>
        [Differentiable(nameof(theta1), nameof(theta2))]
        public static double CostBuffer(double[] theta1, double[] theta2, double[] x, double[] y, double lambda)
        {
            int m = y.Length;
            int columns1 = Inputs + 1;
            double total = 0.0;
            double[] a2 = new double[Hidden];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < Hidden; j++)
                {
                    double z2 = theta1[j * columns1];
                    for (int k = 0; k < Inputs; k++)
                    {
                        z2 += theta1[j * columns1 + 1 + k] * x[i * Inputs + k];
                    }
                    a2[j] = Network8x32.Sigmoid(z2);
                }
                double z3 = theta2[0];
                for (int j = 0; j < Hidden; j++)
                {
                    z3 += theta2[1 + j] * a2[j];
                }
                double a3 = Network8x32.Sigmoid(z3);
                double target = y[i];
                total -= target * Math.Log(a3) + (1.0 - target) * Math.Log(1.0 - a3);
            }
            double squares = 0.0;
            for (int j = 0; j < Hidden; j++)
            {
                for (int k = 1; k < columns1; k++)
                {
                    double weight = theta1[j * columns1 + k];
                    squares += weight * weight;
                }
            }
            for (int k = 1; k < Hidden + 1; k++)
            {
                double weight = theta2[k];
                squares += weight * weight;
            }
            return total / m + lambda / (2.0 * m) * squares;
        }
    }
}
