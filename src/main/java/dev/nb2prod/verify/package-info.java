/**
 * Verification: runs a notebook and the package {@code nb2prod extract} generated from it with the user's Python,
 * and compares the values and files they produce ({@link dev.nb2prod.verify.Verifier}). The Python side is the
 * resource {@code verify/nb2prod_verify.py}, copied to a temporary folder for each verification.
 */
package dev.nb2prod.verify;
