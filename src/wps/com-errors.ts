/**
 * Error values as numbers. Over COM an error cell's value is a CVErr value: the HRESULT
 * 0x800A0000 + its XlCVError number, which a non-VBA client may be handed as a plain signed 32-bit
 * integer (#DIV/0!: 0x800A07D7 = -2146826281). Kingsoft does not document how WPS hands an error
 * cell to JavaScript (et-jsapi-declare types Range.Value2 and custom-function arguments as any), so
 * both the ET host and the functions adapter read these numbers as the errors they are.
 *
 * XlCVError numbers: Microsoft Learn, "XlCVError enumeration (Excel)"
 * (learn.microsoft.com/office/vba/api/excel.xlcverror), and et-jsapi-declare lib.et.d.ts
 * `enum XlCVError` (which adds xlErrField 2049 and xlErrCalc 2050). The Int32 form: M. Rosenblum,
 * "Dealing with CVErr Values in .NET – Part I: The Problem" (xldennis.wordpress.com, 2006-11-22).
 */
const XL_CV_ERRORS: ReadonlyArray<readonly [number, string]> = [
  [2000, '#NULL!'],
  [2007, '#DIV/0!'],
  [2015, '#VALUE!'],
  [2023, '#REF!'],
  [2029, '#NAME?'],
  [2036, '#NUM!'],
  [2042, '#N/A'],
  [2045, '#SPILL!'],
  [2049, '#FIELD!'],
  [2050, '#CALC!'],
];

const BASE = 0x800a0000;

/** Every form an error's number may take: the signed Int32, the unsigned HRESULT, the bare number. */
const BY_CODE = new Map<number, string>(XL_CV_ERRORS.flatMap(([number, text]) => [[(BASE + number) | 0, text] as const, [BASE + number, text] as const]));

/** The error text ("#DIV/0!") of a COM error code (-2146826281 or 2148141015), or null for any other number. */
export function comErrorText(value: number): string | null {
  return BY_CODE.get(value) ?? null;
}
