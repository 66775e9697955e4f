/**
 * StockCharts ChartSchool, "Moving Averages – Simple and Exponential", worked example
 * (spreadsheet cs-movavg.xls): Intel (INTC) daily closes, 24-Mar-2010 to 5-May-2010, with the
 * 10-day SMA and 10-day EMA columns, printed to 2 decimals. The closes are the spreadsheet's
 * 4-decimal values.
 */
export const INTC_CLOSES = [
  22.2734, 22.194, 22.0847, 22.1741, 22.184, 22.1344, 22.2337, 22.4323, 22.2436, 22.2933, 22.1542, 22.3926,
  22.3816, 22.6109, 23.3558, 24.0519, 23.753, 23.8324, 23.9516, 23.6338, 23.8225, 23.8722, 23.6537, 23.187,
  23.0976, 23.326, 22.6805, 23.0976, 22.4025, 22.1725,
];

export const INTC_SMA_10 = [
  22.22, 22.21, 22.23, 22.26, 22.31, 22.42, 22.61, 22.77, 22.91, 23.08, 23.21, 23.38, 23.53, 23.65, 23.71,
  23.69, 23.61, 23.51, 23.43, 23.28, 23.13,
];

export const INTC_EMA_10 = [
  22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.8, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.54, 23.47,
  23.4, 23.39, 23.26, 23.23, 23.08, 22.92,
];
