//! Reading the annotated struct: its fields, what kind of operations each gets, and the options.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Error, Fields, GenericArgument, Ident, LitStr, Path,
    PathArguments, Result, Type,
};

/// What a field's operations look like. (Built once per field at compile time: size is no concern.)
#[allow(clippy::large_enum_variant)]
pub(crate) enum Kind {
    /// Only `Set`: replace the whole field.
    Plain,
    /// `Vec`/`VecDeque`: push, pop, insert and remove by index, clear.
    Sequence { element: Type, deque: bool },
    /// `HashMap`/`BTreeMap`: insert, remove by key, clear.
    Map {
        key: Type,
        value: Type,
        ordered: bool,
    },
    /// `HashSet`/`BTreeSet`: insert, remove, clear.
    Set { element: Type, ordered: bool },
    /// A field whose type derives `Absorb` itself: its operations, wrapped.
    Nested { op: Type },
}

pub(crate) struct Field {
    /// `self.<member>`: a name, or an index for tuple structs.
    pub(crate) member: syn::Member,
    /// The field's name in generated identifiers: `routes` or `0`.
    pub(crate) name: String,
    pub(crate) ty: Type,
    pub(crate) kind: Kind,
    pub(crate) span: Span,
}

pub(crate) struct Input {
    pub(crate) ident: Ident,
    pub(crate) vis: syn::Visibility,
    pub(crate) generics: syn::Generics,
    pub(crate) fields: Vec<Field>,
    /// The path to the `left_right` crate in generated code.
    pub(crate) krate: Path,
    /// The name of the operation enum.
    pub(crate) op: Ident,
    /// The name of the writer extension trait.
    pub(crate) ext: Ident,
}

const CONTAINER_HELP: &str = "expected `#[absorb(op = \"Name\")]`, `#[absorb(ext = \"Name\")]` or `#[absorb(crate = \"path\")]`";
const FIELD_HELP: &str =
    "expected `#[absorb(collection)]`, `#[absorb(nested)]` or `#[absorb(nested = \"OpType\")]`";

pub(crate) fn parse(input: DeriveInput, default_crate: &str) -> Result<Input> {
    let fields = match &input.data {
        Data::Struct(data) => &data.fields,
        Data::Enum(data) => {
            return Err(Error::new(
                data.enum_token.span,
                "`#[derive(Absorb)]` works on structs only: an enum has no fields to set \
                 (implement `left_right::Absorb` by hand, or wrap the enum in a struct field)",
            ));
        }
        Data::Union(data) => {
            return Err(Error::new(
                data.union_token.span,
                "`#[derive(Absorb)]` works on structs only, not unions",
            ));
        }
    };

    let mut krate: Path = syn::parse_str(default_crate).expect("a valid default crate path");
    let mut op = format_ident(&format!("{}Op", input.ident), input.ident.span());
    let mut ext = format_ident(&format!("{}WriteExt", input.ident), input.ident.span());
    for attr in absorb_attributes(&input.attrs) {
        attr.parse_nested_meta(|meta| {
            let value: LitStr = meta.value()?.parse()?;
            if meta.path.is_ident("crate") {
                krate = value.parse()?;
            } else if meta.path.is_ident("op") {
                op = value.parse()?;
            } else if meta.path.is_ident("ext") {
                ext = value.parse()?;
            } else {
                return Err(meta.error(CONTAINER_HELP));
            }
            Ok(())
        })?;
    }

    let fields = match fields {
        Fields::Named(named) => named
            .named
            .iter()
            .map(|f| {
                let ident = f.ident.clone().expect("named fields have names");
                let name = ident.to_string();
                field(syn::Member::Named(ident), name, f)
            })
            .collect::<Result<Vec<_>>>()?,
        Fields::Unnamed(unnamed) => unnamed
            .unnamed
            .iter()
            .enumerate()
            .map(|(i, f)| field(syn::Member::Unnamed(i.into()), i.to_string(), f))
            .collect::<Result<Vec<_>>>()?,
        Fields::Unit => Vec::new(),
    };

    Ok(Input {
        ident: input.ident,
        vis: input.vis,
        generics: input.generics,
        fields,
        krate,
        op,
        ext,
    })
}

fn absorb_attributes(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("absorb"))
}

fn format_ident(name: &str, span: Span) -> Ident {
    Ident::new(name, span)
}

fn field(member: syn::Member, name: String, f: &syn::Field) -> Result<Field> {
    let mut kind = Kind::Plain;
    for attr in absorb_attributes(&f.attrs) {
        attr.parse_nested_meta(|meta| {
            if !matches!(kind, Kind::Plain) {
                return Err(meta.error("a field takes one `#[absorb(..)]` kind"));
            }
            if meta.path.is_ident("collection") {
                kind = collection(&f.ty)?;
            } else if meta.path.is_ident("nested") {
                let op = if meta.input.peek(syn::Token![=]) {
                    let op: LitStr = meta.value()?.parse()?;
                    op.parse()?
                } else {
                    nested_op(&f.ty)?
                };
                kind = Kind::Nested { op };
            } else {
                return Err(meta.error(FIELD_HELP));
            }
            Ok(())
        })?;
    }
    Ok(Field {
        member,
        name,
        ty: f.ty.clone(),
        kind,
        span: f.span(),
    })
}

/// The last path segment of a type, if it is a path type.
fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

fn type_arguments(segment: &syn::PathSegment) -> Vec<Type> {
    match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn collection(ty: &Type) -> Result<Kind> {
    let unsupported = || {
        Error::new_spanned(
            ty,
            "`#[absorb(collection)]` supports fields of type `Vec`, `VecDeque`, `HashMap`, \
             `BTreeMap`, `HashSet` and `BTreeSet` (written with their element types, e.g. \
             `Vec<Route>`)",
        )
    };
    let segment = last_segment(ty).ok_or_else(unsupported)?;
    let args = type_arguments(segment);
    let name = segment.ident.to_string();
    match (name.as_str(), args.as_slice()) {
        ("Vec" | "VecDeque", [element, ..]) => Ok(Kind::Sequence {
            element: element.clone(),
            deque: name == "VecDeque",
        }),
        ("HashMap" | "BTreeMap", [key, value, ..]) => Ok(Kind::Map {
            key: key.clone(),
            value: value.clone(),
            ordered: name == "BTreeMap",
        }),
        ("HashSet" | "BTreeSet", [element, ..]) => Ok(Kind::Set {
            element: element.clone(),
            ordered: name == "BTreeSet",
        }),
        _ => Err(unsupported()),
    }
}

/// The operation type of a nested derived struct: `Inner<T>` has operations `InnerOp<T>`.
fn nested_op(ty: &Type) -> Result<Type> {
    match ty {
        Type::Path(p) if p.qself.is_none() && !p.path.segments.is_empty() => {
            let mut path = p.clone();
            let last = path.path.segments.last_mut().expect("checked non-empty");
            last.ident = format_ident(&format!("{}Op", last.ident), last.ident.span());
            Ok(Type::Path(path))
        }
        _ => Err(Error::new_spanned(
            ty,
            "`#[absorb(nested)]` needs a field whose type is a struct that derives `Absorb` \
             (written as a path, e.g. `Limits` or `Limits<T>`)",
        )),
    }
}
