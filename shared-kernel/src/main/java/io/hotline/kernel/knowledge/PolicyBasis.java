package io.hotline.kernel.knowledge;

/** 政策依据: the document an answer rests on, by its name and its number (文号, e.g. 国办发〔2020〕53号). */
public record PolicyBasis(String documentName, String documentNumber) {
}
