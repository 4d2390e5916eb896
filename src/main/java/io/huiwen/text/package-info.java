/**
 * Text: Chinese analysis (HanLP segmentation, pinyin), keywords, excerpts, SimHash
 * fingerprints and the category classifier. Pure functions over strings; depends on no other
 * Huiwen package.
 */
package io.huiwen.text;
